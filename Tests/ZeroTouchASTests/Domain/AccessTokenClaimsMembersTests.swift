import Foundation
import Testing
import ZeroTouchAS
import ZeroTouchCore
import ZeroTouchJOSE

/// `AccessTokenClaims.jwtClaimMembers` (what `SigningKey.sign` writes) is the same JSON object as its
/// `Encodable` form, with and without `scope`.
@Suite("RFC 9068 access-token claims as JSONValue members")
struct AccessTokenClaimsMembersTests {
    @Test("AccessTokenClaims", arguments: [true, false])
    func members(withScope: Bool) throws {
        let now = Date(timeIntervalSince1970: 1_700_000_000.5)
        let claims = AccessTokenClaims(
            issuer: "https://as.example.com", subject: LocalUserID("l-1"), audience: "https://mcp.example.com/mcp", clientID: "cli",
            scope: withScope ? "read write" : nil, jti: "at-1", issuedAt: now, expiresAt: now + 300, idJAGIssuer: "https://idp.example.com",
            idJAGJTI: "j-1")
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(Int64(date.timeIntervalSince1970.rounded(.down)))
        }
        let encoded = try JSONDecoder().decode([String: JSONValue].self, from: try encoder.encode(claims))
        #expect(claims.jwtClaimMembers == encoded)
    }
}
