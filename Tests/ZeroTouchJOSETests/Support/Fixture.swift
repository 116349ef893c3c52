import Foundation
import ZeroTouchCore
@testable import ZeroTouchJOSE

/// One valid set of claims and helpers to build tokens by hand, for tests that change one thing.
enum Fixture {
    /// The instant every test starts at (ManualClock's default).
    static let now = Date(timeIntervalSince1970: 1_900_000_000)
    static let issuer: Issuer = "https://idp.example"
    static let otherIssuer: Issuer = "https://other-idp.example"
    static let audience = "https://as.example"

    /// Valid ID-JAG-like claims issued at `issuedAt`, living `lifetime` seconds.
    static func claims(issuedAt: Date = now, lifetime: TimeInterval = 300) -> [String: JSONValue] {
        [
            "iss": .string(issuer.rawValue),
            "sub": .string("alice"),
            "aud": .string(audience),
            "client_id": .string("client-1"),
            "jti": .string(UUID().uuidString),
            "iat": .integer(Int64(issuedAt.timeIntervalSince1970)),
            "exp": .integer(Int64(issuedAt.timeIntervalSince1970 + lifetime)),
        ]
    }

    /// base64url of `object` as JSON.
    static func encoded(_ object: [String: JSONValue]) -> String {
        Base64URL.encode((try? JSONEncoder().encode(object)) ?? Data())
    }

    /// base64url of raw text, for headers that are not valid JSON.
    static func encoded(text: String) -> String { Base64URL.encode(Data(text.utf8)) }

    /// A token assembled from a header, the valid claims and a dummy signature.
    static func token(header: [String: JSONValue], claims: [String: JSONValue] = claims(), signature: String = "c2lnbmF0dXJl") -> String {
        encoded(header) + "." + encoded(claims) + "." + signature
    }

    /// The JSON of a JWKS holding `keys`' public halves.
    static func jwksJSON(_ keys: [SigningKey]) -> Data {
        (try? JSONEncoder().encode(JWKSDocument(keys: keys.map(\.publicJWK)))) ?? Data()
    }

    /// A successful fetch of `keys`.
    static func fetched(_ keys: [SigningKey], maxAge: TimeInterval? = nil) -> JWKSFetchResult {
        .success(ParsedJWKS(json: jwksJSON(keys))!, maxAge: maxAge)
    }

    /// A verifier for ID-JAGs over `keys`, allowing the standard algorithms.
    static func verifier(_ keys: any VerificationKeySource) -> JWTVerifier {
        JWTVerifier(expectedType: .idJAG, allowedAlgorithms: JWSAlgorithm.standardAllowList, keys: keys)
    }

    /// Signs the valid claims as an ID-JAG with `key`.
    static func idJAG(_ key: SigningKey, claims: [String: JSONValue] = claims()) throws -> String {
        try key.sign(claims, type: EnterpriseManagedAuthorization.idJAGType)
    }
}
