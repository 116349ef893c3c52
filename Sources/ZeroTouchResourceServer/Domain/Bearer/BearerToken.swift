/// An access token as presented in `Authorization: Bearer <token>` (RFC 6750 §2.1), syntactically
/// valid but not yet verified.
///
/// The value is only ever handed to a verifier: `description` is redacted, so the token cannot
/// reach a log line or an error description by interpolation.
public struct BearerToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The token itself, a `b64token` (RFC 6750 §2.1). Pass it only to a verifier.
    public let unverifiedValue: String

    /// Wraps a value already checked against the `b64token` grammar.
    package init(checked value: String) { self.unverifiedValue = value }

    /// Parses `value` as an RFC 6750 §2.1 `b64token`:
    /// `1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="`.
    /// - Returns: `nil` when the value is empty or has another character.
    public init?(b64token value: some StringProtocol) {
        guard Self.isB64Token(value) else { return nil }
        self.init(checked: String(value))
    }

    /// Always `[bearer token]`: a token is a credential.
    public var description: String { "[bearer token]" }
    /// Always `[bearer token]`.
    public var debugDescription: String { "[bearer token]" }

    /// Whether `value` matches the `b64token` grammar of RFC 6750 §2.1.
    static func isB64Token(_ value: some StringProtocol) -> Bool {
        let bytes = Array(value.utf8)
        let firstPad = bytes.firstIndex(of: UInt8(ascii: "=")) ?? bytes.endIndex
        guard firstPad > 0 else { return false }
        let body = bytes[..<firstPad]
        let padding = bytes[firstPad...]
        return body.allSatisfy(isTokenCharacter) && padding.allSatisfy { $0 == UInt8(ascii: "=") }
    }

    private static func isTokenCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "+"), UInt8(ascii: "/"): true
        default: false
        }
    }
}
