import Crypto
public import Foundation

/// Time-based one-time passwords (RFC 6238) over HOTP (RFC 4226) with HMAC-SHA-1, 6 digits and a
/// 30-second step: the parameters every authenticator app supports.
public struct TOTP: Sendable {
    /// The shared secret's bytes (RFC 4226 §4 R6: at least 128 bits; we generate 160).
    private let key: SymmetricKey
    /// The number of digits of a code.
    public static let digits = 6
    /// The time step X of RFC 6238 §4.1, in seconds.
    public static let stepSeconds: Int64 = 30

    /// Creates a generator from a base32 secret (RFC 4648 §6), or `nil` when it is not base32 or
    /// shorter than 128 bits.
    public init?(base32Secret: String) {
        guard base32Secret.utf8.count <= 128, let bytes = Base32.decode(base32Secret), bytes.count >= 16 else {
            return nil
        }
        key = SymmetricKey(data: bytes)
    }

    /// Creates a generator from the secret's raw bytes (for the RFC 6238 Appendix B test vectors).
    init(rawSecret: [UInt8]) { key = SymmetricKey(data: rawSecret) }

    /// A new random secret of 160 bits (RFC 4226 §4 R6), in base32.
    public static func generateSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        return Base32.encode((0..<20).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
    }

    /// The time step T containing `date` (RFC 6238 §4.2, T0 = 0).
    public static func step(at date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 / Double(stepSeconds)).rounded(.down))
    }

    /// The code for counter `step`: HOTP dynamic truncation (RFC 4226 §5.3) modulo 10^`digits`.
    public func code(atStep step: Int64, digits: Int = TOTP.digits) -> Int {
        let counter = withUnsafeBytes(of: UInt64(bitPattern: step).bigEndian) { Array($0) }
        let mac = Array(HMAC<Insecure.SHA1>.authenticationCode(for: counter, using: key))
        let offset = Int(mac[mac.count - 1] & 0x0F)
        let binary = (Int(mac[offset] & 0x7F) << 24) | (Int(mac[offset + 1]) << 16)
            | (Int(mac[offset + 2]) << 8) | Int(mac[offset + 3])
        var modulus = 1
        for _ in 0..<digits { modulus *= 10 }
        return binary % modulus
    }

    /// The step whose code is `code`, among `step(at: now)` and one step either side (RFC 6238 §5.2
    /// allows one step of drift), or `nil`. All three codes are computed and compared every time.
    public func matchingStep(of code: String, at now: Date) -> Int64? {
        guard code.utf8.count == Self.digits, code.utf8.allSatisfy({ (0x30...0x39).contains($0) }), let value = Int(code)
        else { return nil }
        let current = Self.step(at: now)
        var matched: Int64?
        for step in [current - 1, current, current + 1] {
            let isMatch = self.code(atStep: step) == value
            if isMatch && matched == nil { matched = step }
        }
        return matched
    }

    /// The `otpauth://` URI that authenticator apps scan as a QR code (Key Uri Format).
    public static func provisioningURI(base32Secret: String, account: String, issuer: String) -> String {
        var components = URLComponents()
        components.scheme = "otpauth"
        components.host = "totp"
        components.path = "/\(issuer):\(account)"
        components.queryItems = [
            URLQueryItem(name: "secret", value: base32Secret), URLQueryItem(name: "issuer", value: issuer),
            URLQueryItem(name: "algorithm", value: "SHA1"), URLQueryItem(name: "digits", value: String(digits)),
            URLQueryItem(name: "period", value: String(stepSeconds)),
        ]
        return components.string ?? ""
    }
}
