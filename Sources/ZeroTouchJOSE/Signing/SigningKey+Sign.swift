import Foundation
import ZeroTouchCore

extension SigningKey {
    /// Signs `claims` as a compact JWS (RFC 7515 §5.1, §7.1; RFC 7519 §7.1) with the header
    /// `{"alg": algorithm, "kid": keyID, "typ": type}`.
    ///
    /// `type` is required and emitted exactly as given (RFC 8725 §3.11, decisions X-13): there is no
    /// `JWT` default as in jwt-kit's serializer, because the type is how a receiver tells an ID-JAG
    /// from an access token or an ID token. `Date` properties encode as integer NumericDates
    /// (RFC 7519 §2), rounded down.
    /// - Parameters:
    ///   - claims: Any value that encodes as a JSON object: a `Codable` claims struct, `JWTClaims`,
    ///     or `[String: JSONValue]`.
    ///   - type: The `typ` header, e.g. `EnterpriseManagedAuthorization.idJAGType`.
    /// - Returns: `BASE64URL(header).BASE64URL(claims).BASE64URL(signature)`.
    /// - Throws: `SigningKeyError.claimsNotJSONObject`, `.signingFailed`.
    public func sign(_ claims: some Encodable, type: String) throws(SigningKeyError) -> String {
        let header = JOSEHeader(algorithm: algorithm.rawValue, keyID: keyID, type: type)
        let claimsJSON: [UInt8]
        if let representable = claims as? any JWTClaimsRepresentable {
            guard let written = try? JSONValueWriter.encode(.object(representable.jwtClaimMembers)) else { throw .claimsNotJSONObject }
            claimsJSON = written
        } else {
            guard let encoded = try? Self.encoder.encode(claims), encoded.first == UInt8(ascii: "{") else { throw .claimsNotJSONObject }
            claimsJSON = Array(encoded)
        }
        guard let headerJSON = try? JSONValueWriter.encode(.object(header.jsonObject)) else { throw .claimsNotJSONObject }
        let signingInput = Base64URL.encode(headerJSON) + "." + Base64URL.encode(claimsJSON)
        let signature = try signature(for: Array(signingInput.utf8))
        return signingInput + "." + Base64URL.encode(signature)
    }

    /// For claims that are not `JWTClaimsRepresentable`: compact JSON with sorted members and
    /// unescaped slashes (so `typ` and URLs read as written, as `JSONValueWriter` writes them), and
    /// dates as integer seconds since the epoch.
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Int64(date.timeIntervalSince1970.rounded(.down)))
        }
        return encoder
    }()
}
