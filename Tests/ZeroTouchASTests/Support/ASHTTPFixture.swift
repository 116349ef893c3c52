import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import ZeroTouchAS
import ZeroTouchCore
import ZeroTouchServer
import ZeroTouchTesting

/// The production `buildAuthorizationServer` over the domain fixture's stores, with an admin token.
struct ASHTTPFixture {
    let base: ASTestFixture
    let server: AuthorizationServer
    let adminToken: String

    static func make(issuer: Issuer = ASTestFixture.issuer, configure: (inout TrustedIssuer) -> Void = { _ in }) async throws -> ASHTTPFixture {
        let base = try await ASTestFixture.make(configure: configure)
        let adminToken = try await base.registry.createAdminToken(name: "tester", actor: "test")
        let server = try await buildAuthorizationServer(
            settings: AuthorizationServerSettings(issuer: issuer, logger: Logger(label: "test.as")),
            dependencies: AuthorizationServerDependencies(
                documentStore: base.store, replayLedger: base.ledger, signingKeyStore: InMemorySigningKeyStore(),
                auditLog: base.store.auditLog, jwksFetcher: base.fetcher, clock: base.clock))
        return ASHTTPFixture(base: base, server: server, adminToken: adminToken)
    }

    /// Runs `body` against the router (no network).
    func withRouter<T: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        try await server.application.test(.router) { client in try await body(client) }
    }
}

/// A form-encoded body (RFC 6749 Appendix B).
func formBody(_ parameters: [String: String]) -> ByteBuffer {
    ByteBuffer(string: URLEncodedForm(parameters).encoded)
}

/// The headers of a form POST, with an optional `Authorization`.
func formHeaders(authorization: String? = nil) -> HTTPFields {
    var headers: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]
    if let authorization { headers[.authorization] = authorization }
    return headers
}

/// `Basic base64(urlencode(id):urlencode(secret))` (RFC 6749 §2.3.1).
func basicAuthorization(_ id: String, _ secret: String) -> String {
    "Basic " + Data("\(URLEncodedForm.encode(id)):\(URLEncodedForm.encode(secret))".utf8).base64EncodedString()
}

/// The JSON object of a response body.
func jsonObject(_ body: ByteBuffer) throws -> [String: JSONValue] {
    try JSONDecoder().decode([String: JSONValue].self, from: Data(body.readableBytesView))
}

/// The token-request form of the fixture's client with `client_secret_post`.
func tokenForm(assertion: String, extra: [String: String] = [:]) -> [String: String] {
    var form = [
        "grant_type": GrantType.jwtBearer.rawValue, "assertion": assertion,
        "client_id": ASTestFixture.clientID.rawValue, "client_secret": ASTestFixture.secret,
    ]
    form.merge(extra) { $1 }
    return form
}
