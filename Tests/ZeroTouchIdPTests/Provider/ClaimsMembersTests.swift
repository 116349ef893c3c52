import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchJOSE
@testable import ZeroTouchIdP

/// The claims types' `jwtClaimMembers` (what `SigningKey.sign` writes) describe the same JSON object
/// as their `Encodable` form, with and without the optional claims.
@Suite("ID-JAG and ID token claims as JSONValue members")
struct ClaimsMembersTests {
    static func encodedObject(_ value: some Encodable) throws -> [String: JSONValue] {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Int64(date.timeIntervalSince1970.rounded(.down)))
        }
        return try JSONDecoder().decode([String: JSONValue].self, from: try encoder.encode(value))
    }

    @Test("IDJAGClaims", arguments: [true, false])
    func idJAG(withOptionals: Bool) throws {
        let now = Date(timeIntervalSince1970: 1_700_000_000.75)
        let claims = IDJAGClaims(
            issuer: "https://idp.example.com", subject: UserID("u-1"), audience: "https://as.example.com", clientID: "cli",
            resource: "https://mcp.example.com/mcp", scope: withOptionals ? ["read", "write"] : nil, jwtID: "j-1", issuedAt: now,
            expiresAt: now + 300, authTime: now - 60, methods: ["pwd", "otp"], email: withOptionals ? "a@example.com" : nil)
        #expect(claims.jwtClaimMembers == (try Self.encodedObject(claims)))
    }

    @Test("IDTokenClaims", arguments: [true, false])
    func idToken(withNonce: Bool) throws {
        let now = Date(timeIntervalSince1970: 1_700_000_000.25)
        let claims = IDTokenClaims(
            issuer: "https://idp.example.com", subject: UserID("u-1"), audience: "cli", expiresAt: now + 300, issuedAt: now,
            authTime: now, nonce: withNonce ? "n-1" : nil, methods: ["pwd"], jwtID: "j-2")
        #expect(claims.jwtClaimMembers == (try Self.encodedObject(claims)))
    }
}
