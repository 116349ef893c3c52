import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import ZeroTouchAS
import ZeroTouchCore
import ZeroTouchJOSE
import ZeroTouchOAuth
import ZeroTouchServer
import ZeroTouchTesting

/// The authorization server built by `buildAuthorizationServer` on `127.0.0.1:0`, configured out of
/// band as the conformance runner expects (checklist §7.3), and driven over real HTTP.
struct EndToEndDeployment: Sendable {
    static let clientID: ClientID = "conformance-client"
    static let secret = "conformance-secret"
    static let trustedResource: ResourceIdentifier = "https://trusted-mcp.example/mcp"
    static let untrustedResource: ResourceIdentifier = "https://untrusted-mcp.example/mcp"
    static let scope = "mcp:tools"
    static let idpSubject = "idp-user-1"
    static let localSubject: LocalUserID = "local-user-1"

    let issuer: Issuer
    let server: AuthorizationServer
    let clock: ManualClock

    /// Starts the server, trusts `trustedIssuers` (keys by discovery), registers the client,
    /// resource, scope and user link, runs `body`, and stops the server.
    static func run<T: Sendable>(
        trusting trustedIssuers: [Issuer], jwksFetcher: (any JWKSFetcher)? = nil, _ body: @Sendable (EndToEndDeployment) async throws -> T
    ) async throws -> T {
        let clock = ManualClock(Date())
        let issuerRendezvous = Rendezvous<Issuer>()
        let store = InMemoryDocumentStore()
        let server = try await buildAuthorizationServer(
            settings: AuthorizationServerSettings(server: .init(host: "127.0.0.1", port: 0), logger: Logger(label: "test.e2e.as")),
            dependencies: AuthorizationServerDependencies(
                documentStore: store, replayLedger: InMemoryReplayLedger(), signingKeyStore: InMemorySigningKeyStore(),
                auditLog: store.auditLog, jwksFetcher: jwksFetcher, clock: clock),
            onServerRunning: { issuer in issuerRendezvous.deliver(issuer) })
        return try await LoopbackApplication.run(server.application) {
            guard let issuer = await issuerRendezvous.value() else { throw CancellationError() }
            let registry = server.registry
            for trusted in trustedIssuers { try await registry.putTrustedIssuer(TrustedIssuer(issuer: trusted), actor: "setup") }
            try await registry.putResource(ProtectedResource(identifier: trustedResource, scopes: [scope]), actor: "setup")
            try await registry.putClient(
                RegisteredClient(
                    credentials: ClientCredentials(clientID: clientID, method: .clientSecretPost, secretHash: ClientSecret.hash(secret)),
                    allowedResources: [trustedResource]),
                actor: "setup")
            let links = trustedIssuers.map { LinkedIdentity(issuer: $0, subject: Subject(idpSubject)) }
            try await registry.createUser(id: localSubject, identities: links, actor: "setup")
            return try await body(EndToEndDeployment(issuer: issuer, server: server, clock: clock))
        }
    }

    /// POSTs a form to `path` and returns the status, `Cache-Control` and JSON body.
    func post(_ path: String, form: [String: String]) async throws -> (status: Int, cacheControl: String?, contentType: String?, json: [String: JSONValue]) {
        var request = HTTPClientRequest(url: issuer.rawValue + path)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.body = .bytes(ByteBuffer(string: URLEncodedForm(form).encoded))
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        let json = (try? JSONDecoder().decode([String: JSONValue].self, from: Data(body.readableBytesView))) ?? [:]
        return (Int(response.status.code), response.headers.first(name: "Cache-Control"), response.headers.first(name: "Content-Type"), json)
    }

    /// GETs `url` and returns the status and JSON body.
    func get(_ url: String) async throws -> (status: Int, json: [String: JSONValue]) {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        return (Int(response.status.code), (try? JSONDecoder().decode([String: JSONValue].self, from: Data(body.readableBytesView))) ?? [:])
    }

    /// A token request with `client_secret_post` and no `scope` or `resource`, as CONF-490 sends.
    func redeem(_ assertion: String) async throws -> (status: Int, cacheControl: String?, contentType: String?, json: [String: JSONValue]) {
        try await post("/token", form: [
            "grant_type": GrantType.jwtBearer.rawValue, "assertion": assertion,
            "client_id": Self.clientID.rawValue, "client_secret": Self.secret,
        ])
    }

    /// An introspection request with `client_secret_post`.
    func introspect(_ token: String) async throws -> [String: JSONValue] {
        try await post("/introspect", form: ["token": token, "client_id": Self.clientID.rawValue, "client_secret": Self.secret]).json
    }

    /// An ID-JAG from `idp` for the configured client and subject, addressed to this server.
    func idJAG(from idp: MiniIdP, resource: ResourceIdentifier? = nil, scope: String? = nil, signedWith key: SigningKey? = nil) throws -> String {
        try idp.idJAG(
            subject: Self.idpSubject, audience: issuer, clientID: Self.clientID, resource: resource, scope: scope, now: clock.now,
            signedWith: key)
    }
}
