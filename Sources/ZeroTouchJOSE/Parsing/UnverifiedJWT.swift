import Foundation
import ZeroTouchCore

/// A compact-serialized JWT whose signature has NOT been checked (RFC 7515 §7.1, RFC 7519 §7.2).
///
/// Parsing enforces only the form: a size cap applied before anything else, exactly three parts
/// of strict base64url, a JSON-object header with a string `alg`, a JSON-object payload, no
/// repeated member names in either, and a non-empty signature. Encrypted tokens (JWE, five
/// parts) and unsecured tokens (`alg: none`) are refused here. Nothing in it is trustworthy until
/// `JWTVerifier` turns it into a `VerifiedJWT`.
///
/// jwt-kit's parser is not used because it accepts what this type must refuse: padded or
/// otherwise non-canonical base64url, repeated member names (resolved to the first), a `crit`
/// header it does not understand, and any payload size.
public struct UnverifiedJWT: Sendable, Hashable {
    /// The default cap on the serialized token: 16 KiB, well above any legitimate ID-JAG or client
    /// assertion, and applied before decoding so that a huge input costs nothing.
    public static let defaultMaximumBytes = 16 * 1024

    /// The JOSE header (RFC 7515 §4).
    public let header: JOSEHeader
    /// The claims as the sender wrote them. Unverified: read them only to choose which issuer's
    /// keys and rules apply.
    public let unverifiedClaims: JWTClaims
    /// `BASE64URL(header) || '.' || BASE64URL(payload)` as ASCII: the bytes the signature covers
    /// (RFC 7515 §5.2 step 8).
    public let signingInput: [UInt8]
    /// The decoded signature (RFC 7515 §5.2 step 7).
    public let signature: [UInt8]

    /// Parses a compact JWS carrying JWT claims.
    /// - Parameters:
    ///   - compact: The token as received (for example the `assertion` form parameter).
    ///   - maximumBytes: The size cap, checked before any decoding.
    /// - Throws: `JOSERejection.tokenTooLarge`, `.encryptedToken`, `.malformedCompactSerialization`,
    ///   `.invalidBase64URL`, `.headerNotJSONObject`, `.duplicateMemberName`, `.invalidHeaderMember`,
    ///   `.unsupportedCriticalHeader`, `.unsecuredToken`, `.payloadNotJSONObject`, `.missingSignature`.
    public init(compact: String, maximumBytes: Int = UnverifiedJWT.defaultMaximumBytes) throws(JOSERejection) {
        let byteCount = compact.utf8.count
        guard byteCount <= maximumBytes else { throw .tokenTooLarge(bytes: byteCount, limit: maximumBytes) }
        // Split on the bytes, not on Characters: String's grapheme-aware split cost a third of the
        // bearer check (BENCHMARKS.md, "What the profile shows"). A '.' byte is always a '.' in UTF-8.
        let bytes = Array(compact.utf8)
        var dots: [Int] = []
        for index in bytes.indices where bytes[index] == UInt8(ascii: ".") {
            dots.append(index)
            if dots.count > 4 { break }
        }
        guard dots.count != 4 else { throw .encryptedToken }
        guard dots.count == 2 else { throw .malformedCompactSerialization(parts: dots.count + 1) }
        let (headerPart, payloadPart) = (bytes[..<dots[0]], bytes[(dots[0] + 1)..<dots[1]])

        let header = try Self.decodeHeader(headerPart)
        // An unsecured JWS (RFC 7515 §A.5, RFC 7519 §6) is refused whatever the verifier allows.
        guard header.algorithm.lowercased() != "none" else { throw .unsecuredToken }
        let claims = try Self.decodeObject(payloadPart, part: .payload)
        guard let signature = Base64URL.decode(bytes: bytes[(dots[1] + 1)...]) else { throw .invalidBase64URL(.signature) }
        guard !signature.isEmpty else { throw .missingSignature }

        self.header = header
        self.unverifiedClaims = JWTClaims(claims)
        self.signingInput = Array(bytes[..<dots[1]])
        self.signature = signature
    }

    /// The header of `part`, from `HeaderCache` when the same encoded header was parsed before: the
    /// tokens of one issuer and key share it byte for byte, so its decoding is paid once per key.
    private static func decodeHeader(_ part: ArraySlice<UInt8>) throws(JOSERejection) -> JOSEHeader {
        if let cached = HeaderCache.shared.header(for: part) { return cached }
        let header = try JOSEHeader(jsonObject: decodeObject(part, part: .header))
        HeaderCache.shared.store(header, for: part)
        return header
    }

    /// Decodes one base64url part that must hold a JSON object without repeated member names
    /// (RFC 7515 §5.2 steps 2–4, RFC 7519 §4 and §7.2 step 10).
    private static func decodeObject(_ text: ArraySlice<UInt8>, part: JWSPart) throws(JOSERejection) -> [String: JSONValue] {
        guard let bytes = Base64URL.decode(bytes: text) else { throw .invalidBase64URL(part) }
        do {
            return try JSONValueParser.parseObject(bytes)
        } catch .duplicateMemberName {
            throw .duplicateMemberName(part)
        } catch {
            throw part == .header ? .headerNotJSONObject : .payloadNotJSONObject
        }
    }
}
