import Foundation
import ZeroTouchCore
import ZeroTouchJOSE
import ZeroTouchResourceServer
import ZeroTouchTesting

/// One valid configuration for resource-server tests: an authorization server, a resource, a
/// per-run key and a fixed clock. Each test changes one thing.
struct RSFixture: Sendable {
    static let issuer: Issuer = "https://as.example"
    static let resource: ResourceIdentifier = "https://mcp.example/mcp"
    static let metadataURL = "https://mcp.example/.well-known/oauth-protected-resource/mcp"
    static let now = Date(timeIntervalSince1970: 1_900_000_000)

    let factory: AccessTokenFactory
    let clock = ManualClock(RSFixture.now)

    init() throws { factory = try AccessTokenFactory(issuer: Self.issuer) }

    /// The resource, supporting `scopes`.
    static func protectedResource(scopes: Scope = ["files.read", "files.write"]) -> ProtectedResource {
        ProtectedResource(identifier: resource, authorizationServers: [issuer], scopesSupported: scopes, name: "Test")
    }

    /// A verifier over the factory's key (no HTTP).
    var verifier: JWTAccessTokenVerifier {
        JWTAccessTokenVerifier(
            issuer: Self.issuer, resource: Self.resource, keys: VerificationKeySet([factory.key.verificationKey]), clock: clock)
    }

    /// A valid token for the resource.
    func token(
        subject: String = "alice", scope: String? = "files.read", type: String = "at+jwt", lifetime: TimeInterval = 300,
        edit: (inout [String: JSONValue]) -> Void = { _ in }
    ) throws -> String {
        try factory.makeAccessToken(
            subject: subject, resource: Self.resource, scope: scope, issuedAt: Self.now, lifetime: lifetime, type: type, edit: edit)
    }
}
