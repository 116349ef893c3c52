import Foundation

/// The one `Cache-Control` fact the JWKS cache needs (RFC 9111 §5.2.2).
enum CacheControl {
    /// The `max-age` in seconds, or `nil` when the header is absent, has none, or forbids storing
    /// (`no-store`, `no-cache`), so that the cache falls back to its default lifetime.
    static func maxAge(_ header: String?) -> TimeInterval? {
        guard let header else { return nil }
        var maxAge: TimeInterval?
        for directive in header.split(separator: ",") {
            let parts = directive.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            switch parts.first {
            case "no-store", "no-cache": return nil
            case "max-age":
                guard parts.count == 2, let seconds = UInt64(parts[1].trimmingCharacters(in: CharacterSet(charactersIn: "\""))) else { return nil }
                maxAge = TimeInterval(seconds)
            default: continue
            }
        }
        return maxAge
    }
}
