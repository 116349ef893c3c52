import Foundation

/// Looks for a parameter name in a query string or form body (WHATWG URL §5.1), without keeping values.
enum URLEncodedNames {
    /// Whether `name` appears as a parameter name (percent-decoded, `+` as space) in `encoded`.
    static func contains(_ name: String, in encoded: Substring) -> Bool {
        for pair in encoded.split(separator: "&", omittingEmptySubsequences: true) {
            let rawName = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)[0]
            let decoded = rawName.replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String(rawName)
            if decoded == name { return true }
        }
        return false
    }
}
