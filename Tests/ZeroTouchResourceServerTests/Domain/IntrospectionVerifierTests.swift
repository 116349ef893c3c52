import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Synchronization
import Testing
import ZeroTouchCore
import ZeroTouchResourceServer
import ZeroTouchServer

@Suite("Verifying opaque tokens by introspection (RFC 7662)")
struct IntrospectionVerifierTests {
    let clock = ManualClock(RSFixture.now)
    static let exp = Int64(RSFixture.now.timeIntervalSince1970) + 300

    /// What the endpoint last received: the Authorization header and the form.
    final class Seen: Sendable {
        let values = Mutex<[String]>(["", ""])
        var last: (String, String) { values.withLock { ($0[0], $0[1]) } }
    }

    /// An introspection endpoint answering per token; records the last Authorization and body.
    static func run(_ body: @Sendable (_ endpoint: URL, _ seen: Seen) async throws -> Void) async throws {
        let seen = Seen()
        let router = Router()
        router.post("introspect") { request, _ -> Response in
            var request = request
            let form = String(buffer: try await request.collectBody(upTo: 65536))
            seen.values.withLock { $0 = [request.headers[.authorization] ?? "", form] }
            let json: String
            switch form.split(separator: "&").first.map(String.init) ?? "" {
            case "token=active":
                json = #"{"active":true,"iss":"https://as.example","sub":"alice","client_id":"client-1","aud":"https://mcp.example/mcp","scope":"files.read","exp":\#(exp)}"#
            case "token=foreign":
                json = #"{"active":true,"sub":"alice","client_id":"client-1","aud":"https://other.example","exp":\#(exp)}"#
            case "token=broken": return Response(status: .internalServerError)
            case "token=garbage": json = "not json"
            default: json = #"{"active":false}"#
            }
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: json)))
        }
        try await Application(router: router).test(.live) { client in
            let port = try #require(client.port)
            try await body(URL(string: "http://127.0.0.1:\(port)/introspect")!, seen)
        }
    }

    func verifier(_ endpoint: URL) -> IntrospectionAccessTokenVerifier {
        IntrospectionAccessTokenVerifier(
            issuer: RSFixture.issuer, resource: RSFixture.resource, endpoint: endpoint, clientID: "rs client",
            clientSecret: SecretString("s3cr:t"), clock: clock)
    }

    @Test("an active token yields its identity; the request authenticates with client_secret_basic")
    func active() async throws {
        try await Self.run { endpoint, seen in
            let identity = try await verifier(endpoint).verify(BearerToken(b64token: "active")!)
            #expect(identity.subject == "alice")
            #expect(identity.scope == ["files.read"])
            #expect(identity.jti == nil)
            let (authorization, form) = seen.last
            #expect(authorization == "Basic " + Data("rs%20client:s3cr%3At".utf8).base64EncodedString())
            #expect(form == "token=active&token_type_hint=access_token")
        }
    }

    @Test("an inactive token is refused")
    func inactive() async throws {
        try await Self.run { endpoint, _ in
            await #expect(throws: AccessTokenRejection.inactive) { try await verifier(endpoint).verify(BearerToken(b64token: "revoked")!) }
        }
    }

    @Test("an active token for another audience is refused")
    func foreign() async throws {
        try await Self.run { endpoint, _ in
            await #expect(throws: AccessTokenRejection.audienceMismatch(expected: RSFixture.resource, actual: ["https://other.example"])) {
                try await verifier(endpoint).verify(BearerToken(b64token: "foreign")!)
            }
        }
    }

    @Test("an expired answer is refused by the time rules")
    func expired() async throws {
        try await Self.run { endpoint, _ in
            clock.advance(by: 400)
            await #expect(throws: AccessTokenRejection.self) { try await verifier(endpoint).verify(BearerToken(b64token: "active")!) }
        }
    }

    @Test("a failing endpoint fails closed as unavailable", arguments: ["broken", "garbage"])
    func unavailable(token: String) async throws {
        try await Self.run { endpoint, _ in
            do {
                _ = try await verifier(endpoint).verify(BearerToken(b64token: token)!)
                Issue.record("expected a rejection")
            } catch let error as AccessTokenRejection {
                #expect(error.errorCode == .temporarilyUnavailable)
            }
        }
    }

    @Test("an oversized token is refused before it is sent")
    func tooLarge() async throws {
        let verifier = verifier(URL(string: "http://127.0.0.1:9/introspect")!)
        let token = BearerToken(b64token: String(repeating: "a", count: 20_000))!
        await #expect(throws: AccessTokenRejection.tokenTooLarge(bytes: 20_000, limit: 16_384)) { try await verifier.verify(token) }
    }
}
