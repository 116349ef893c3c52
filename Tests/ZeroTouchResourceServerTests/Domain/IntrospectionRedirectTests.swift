import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Synchronization
import Testing
import ZeroTouchCore
import ZeroTouchResourceServer
import ZeroTouchServer

/// An introspection endpoint that redirects must not receive a second request: a followed 307
/// resends the form, with the access token in it, to a URL the endpoint policy never checked.
@Suite("Introspection never follows redirects")
struct IntrospectionRedirectTests {
    static let exp = Int64(RSFixture.now.timeIntervalSince1970) + 300

    /// The bodies `/elsewhere` received.
    final class Leaks: Sendable {
        let bodies = Mutex<[String]>([])
        var isEmpty: Bool { bodies.withLock { $0.isEmpty } }
    }

    /// `POST /introspect` answers 307 to `/elsewhere`, which records every body it receives and
    /// would call the token active.
    static func run(_ body: @Sendable (_ endpoint: URL, _ leaked: Leaks) async throws -> Void) async throws {
        let leaked = Leaks()
        let router = Router()
        router.post("introspect") { _, _ -> Response in
            Response(status: .temporaryRedirect, headers: [.location: "/elsewhere"])
        }
        router.post("elsewhere") { request, _ -> Response in
            var request = request
            let form = String(buffer: try await request.collectBody(upTo: 65536))
            leaked.bodies.withLock { $0.append(form) }
            let json = #"{"active":true,"iss":"https://as.example","sub":"alice","client_id":"c","aud":"https://mcp.example/mcp","exp":\#(exp)}"#
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: json)))
        }
        try await Application(router: router).test(.live) { client in
            let port = try #require(client.port)
            try await body(URL(string: "http://127.0.0.1:\(port)/introspect")!, leaked)
        }
    }

    static func expectUnavailable(_ verifier: any AccessTokenVerifier) async {
        do {
            _ = try await verifier.verify(BearerToken(b64token: "secret-access-token")!)
            Issue.record("the redirected introspection was accepted")
        } catch {
            #expect(error.errorCode == .temporarilyUnavailable)
        }
    }

    @Test("the verifier's default client answers a 307 as unavailable and sends the token nowhere else")
    func verifierDefault() async throws {
        try await Self.run { endpoint, leaked in
            let verifier = IntrospectionAccessTokenVerifier(
                issuer: RSFixture.issuer, resource: RSFixture.resource, endpoint: endpoint, clientID: "rs", clientSecret: SecretString("s"),
                clock: ManualClock(RSFixture.now))
            await Self.expectUnavailable(verifier)
            #expect(leaked.isEmpty)
        }
    }

    @Test("a verifier made from settings does not follow the redirect either")
    func settingsDefault() async throws {
        try await Self.run { endpoint, leaked in
            let yaml = """
                gateway:
                  resource: \(RSFixture.resource.rawValue)
                  authorization_server: \(RSFixture.issuer.rawValue)
                  upstream:
                    url: http://127.0.0.1:9/mcp
                  tool_scopes: "a=x"
                  token_validation: introspection
                  introspection:
                    endpoint: \(endpoint.absoluteString)
                    client_id: gateway
                """
            let settings = try await SettingsTests.gateway(yaml, environment: ["ZEROTOUCH_GATEWAY_INTROSPECTION_CLIENT_SECRET": "s"])
            let verifier = settings.resourceServer.makeVerifier(clock: ManualClock(RSFixture.now), logger: Logger(label: "test"))
            await Self.expectUnavailable(verifier)
            #expect(leaked.isEmpty)
        }
    }
}
