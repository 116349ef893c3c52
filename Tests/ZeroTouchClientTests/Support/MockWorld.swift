import Foundation
import Synchronization
import ZeroTouchCore
import ZeroTouchJOSE

/// The conformance suite's client scenario (`auth/enterprise-managed-authorization`, checklist
/// §7.2) as three loopback mocks, an IdP, an authorization server and an MCP server, plus
/// switches that make them lie or refuse, and a record of everything they received.
final class MockWorld: Sendable {
    static let clientID = "conformance-test-xaa-client"
    static let clientSecret = "conformance-test-xaa-secret"
    static let idpClientID = "conformance-test-idp-client"

    /// How the mocks behave; the defaults are exactly the conformance scenario.
    struct Options: Sendable {
        var mcpAnswersWithSSE = true
        var sessionID: String?
        var authorizationServerIssuer: String?
        var authorizationServerTokenEndpoint: String?
        var grantTypes = [GrantType.jwtBearer.rawValue]
        var authorizationServerAuthMethods = ["client_secret_basic"]
        var protectedResource: String?
        var scopesSupported: [String]?
        var issuedTokenType = TokenType.idJAG.rawValue
        var deniedResources: Set<String> = []
        var callRequiresScope: String?
        var accessTokenLifetime = 3600
        var rejectsEveryToken = false
        /// The body of `GET /mcp/servers`, which requires `Bearer idp-access-token`.
        var catalogJSON = #"{"servers":[]}"#
    }

    /// One request an MCP endpoint received.
    struct MCPRequest: Sendable {
        var httpMethod: String
        var path: String
        var rpcMethod: String?
        var authorization: String?
        var sessionID: String?
        var protocolVersion: String?
        var body: String
    }

    struct State: Sendable {
        var options = Options()
        var idpURL = ""
        var asURL = ""
        var mcpURL = ""
        var tokenExchanges: [[String: String]] = []
        var jwtBearerGrants: [[String: String]] = []
        var jwtBearerAuthorizations: [String?] = []
        var mcpRequests: [MCPRequest] = []
        var metadataRequests: [String] = []
        var seenJTIs: Set<String> = []
        var accessTokens: [String: (resource: String, scope: Set<String>)] = [:]
        var tokenCounter = 0
    }

    let idpKey: SigningKey
    let state = Mutex(State())

    init() throws { idpKey = try SigningKey.generate(.es256) }

    func update(_ body: (inout State) -> Void) { state.withLock { body(&$0) } }
    func read<T>(_ body: (State) -> T) -> T { state.withLock { body($0) } }
    var options: Options { read(\.options) }

    /// The MCP endpoint of the conformance scenario.
    var mcpEndpoint: String { read(\.mcpURL) + "/mcp" }
    var tokenExchangeCount: Int { read(\.tokenExchanges.count) }
    var jwtBearerCount: Int { read(\.jwtBearerGrants.count) }

    /// The context's `idp_id_token`: ES256, `iss` = IdP, `aud` = the IdP client, `exp` = +1 h.
    func idToken(audience: String = MockWorld.idpClientID) throws -> String {
        let now = Int64(Date().timeIntervalSince1970)
        let claims: [String: JSONValue] = [
            "iss": .string(read(\.idpURL)), "aud": .string(audience), "sub": .string("demo-user@example.com"),
            "email": .string("demo-user@example.com"), "iat": .integer(now), "exp": .integer(now + 3600),
        ]
        return try idpKey.sign(claims, type: "JWT")
    }

    /// Starts the three mocks (plus `extra` routers) and runs `body`.
    func run(extra: [RouterBuilder] = [], _ body: @Sendable ([String]) async throws -> Void) async throws {
        let routers = [idpRouter(), authorizationServerRouter(), mcpRouter()] + extra.map { $0() }
        try await Loopback.run(routers) { [self] urls in
            update { state in
                state.idpURL = urls[0]
                state.asURL = urls[1]
                state.mcpURL = urls[2]
            }
            try await body(Array(urls.dropFirst(3)))
        }
    }
}
