public import Logging

/// The rules that keep tokens and secrets out of log lines (brief: "nothing secret … in any log line").
///
/// - A metadata key that names a secret has its whole value replaced by `[redacted]`, at any
///   depth. Keys compare case-insensitively with `-` and `_` treated alike; a dotted key such as
///   `oauth.client_secret` is checked by its last component too.
/// - Any JWT-looking substring (RFC 7519 §3: base64url segments joined by dots, the first
///   starting with `eyJ`, the encoding of `{"`) in a message, a value or an error becomes
///   `[redacted-jwt]`, so an assertion pasted into a description still never reaches the log.
public enum SecretRedaction {
    /// What a secret metadata value is replaced with.
    public static let redactedValue = "[redacted]"
    /// What a JWT-looking substring is replaced with.
    public static let redactedJWT = "[redacted-jwt]"

    /// The metadata keys whose values are always redacted (normalized: lowercase, `-` as `_`).
    public static let secretKeys: Set<String> = [
        "token", "access_token", "refresh_token", "id_token", "assertion", "client_assertion",
        "subject_token", "code", "code_verifier", "password", "secret", "client_secret",
        "authorization", "cookie", "set_cookie", "totp",
    ]

    /// Whether the value stored under `key` must be redacted.
    public static func isSecretKey(_ key: String) -> Bool {
        let normalized = key.lowercased().replacing("-", with: "_")
        if secretKeys.contains(normalized) { return true }
        if let last = normalized.split(separator: ".").last, secretKeys.contains(String(last)) { return true }
        return false
    }

    /// `metadata` with secret keys redacted and JWTs scrubbed, recursively.
    public static func redact(_ metadata: Logger.Metadata) -> Logger.Metadata {
        var result = Logger.Metadata()
        for (key, value) in metadata {
            result[key] = isSecretKey(key) ? .string(redactedValue) : redact(value)
        }
        return result
    }

    /// `value` with JWTs scrubbed and nested secret keys redacted.
    public static func redact(_ value: Logger.MetadataValue) -> Logger.MetadataValue {
        switch value {
        case .string(let string): .string(scrubJWTs(string))
        case .stringConvertible(let convertible): .string(scrubJWTs(convertible.description))
        case .dictionary(let dictionary): .dictionary(redact(dictionary))
        case .array(let values): .array(values.map(redact))
        }
    }

    /// `text` with every JWT-looking run replaced by `[redacted-jwt]`.
    ///
    /// A run is a maximal sequence of base64url characters and dots that starts with `eyJ` and has
    /// at least two dots, with non-empty first and second segments. Compact JWS (three segments)
    /// and JWE (five) are covered; an empty signature (`alg: none`) is too.
    public static func scrubJWTs(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count >= 5, text.contains("eyJ") else { return text }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if let end = jwtEnd(in: bytes, from: index) {
                output.append(contentsOf: redactedJWT.utf8)
                index = end
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// The end of a JWT-looking run starting at `start`, or `nil`.
    private static func jwtEnd(in bytes: [UInt8], from start: Int) -> Int? {
        guard start + 2 < bytes.count, bytes[start] == UInt8(ascii: "e"), bytes[start + 1] == UInt8(ascii: "y"),
            bytes[start + 2] == UInt8(ascii: "J")
        else { return nil }
        var end = start
        var dots: [Int] = []
        while end < bytes.count, isBase64URL(bytes[end]) || bytes[end] == UInt8(ascii: ".") {
            if bytes[end] == UInt8(ascii: ".") { dots.append(end) }
            end += 1
        }
        guard dots.count >= 2, dots[1] > dots[0] + 1 else { return nil }
        return end
    }

    private static func isBase64URL(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
            true
        default: false
        }
    }
}
