import Crypto
import Foundation

extension JWK {
    /// The RFC 7638 JWK thumbprint: base64url(SHA-256) of the required public members, sorted, with
    /// no whitespace (RFC 7638 §3.2; OKP members per RFC 8037 §2). ZeroTouch uses it as the `kid`
    /// of its own keys, and it is the `jkt` of RFC 9449 §6.1.
    /// - Returns: `nil` when the key type is unknown or a required member is missing.
    public func thumbprint() -> String? {
        let required: [(String, String?)]
        switch keyType {
        case "EC": required = [("crv", curve), ("kty", keyType), ("x", x), ("y", y)]
        case "OKP": required = [("crv", curve), ("kty", keyType), ("x", x)]
        case "RSA": required = [("e", exponent), ("kty", keyType), ("n", modulus)]
        default: return nil
        }
        var members: [String] = []
        for (name, value) in required {
            guard let value else { return nil }
            members.append("\"\(name)\":\(Self.jsonString(value))")
        }
        let canonical = "{" + members.joined(separator: ",") + "}"
        return Base64URL.encode(Array(SHA256.hash(data: Data(canonical.utf8))))
    }

    /// A JSON string literal for `value` (RFC 8259 §7), for the canonical form above.
    private static func jsonString(_ value: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        let data = (try? encoder.encode(value)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
