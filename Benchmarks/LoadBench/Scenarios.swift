import Foundation
import Synchronization
import ZeroTouchCore

/// The HTTP requests of each scenario, exactly as a client sends them.
struct Scenarios: Sendable {
    let cluster: ClusterView
    let http: LoadHTTP
    let idToken: String

    static let tokenExchange = "urn:ietf:params:oauth:grant-type:token-exchange"
    static let idJAGType = "urn:ietf:params:oauth:token-type:id-jag"
    static let idTokenType = "urn:ietf:params:oauth:token-type:id_token"
    static let jwtBearer = "urn:ietf:params:oauth:grant-type:jwt-bearer"

    /// RFC 8693 token exchange at the IdP: the ID token for an ID-JAG for `resource`; returns the ID-JAG.
    func exchange(resource: String, idpURL: String? = nil, audience: String? = nil) async throws -> String {
        let form = URLEncodedForm([
            "grant_type": Self.tokenExchange, "requested_token_type": Self.idJAGType, "subject_token": idToken,
            "subject_token_type": Self.idTokenType, "audience": audience ?? cluster.asIssuer, "resource": resource,
        ]).encoded
        let reply = try await http.post(
            (idpURL ?? cluster.idpURL) + "/token", body: form,
            headers: [("Content-Type", "application/x-www-form-urlencoded"), ("Authorization", basicAuthorization(cluster.clientID, cluster.idpSecret))])
        guard let idJAG = jsonString(reply, field: "access_token") else { throw LoadHTTP.Failure(description: "no ID-JAG in \(reply.prefix(200))") }
        return idJAG
    }

    /// RFC 7523 jwt-bearer grant at the authorization server; returns the access token.
    /// `clientIDInForm`: also send `client_id` in the body, as the Python SDK's token handler requires.
    func redeem(_ idJAG: String, resource: String, asURL: String? = nil, clientIDInForm: Bool = false) async throws -> String {
        var fields = ["grant_type": Self.jwtBearer, "assertion": idJAG, "resource": resource]
        if clientIDInForm { fields["client_id"] = cluster.clientID }
        let form = URLEncodedForm(fields).encoded
        let reply = try await http.post(
            (asURL ?? cluster.asIssuer) + "/token", body: form,
            headers: [("Content-Type", "application/x-www-form-urlencoded"), ("Authorization", basicAuthorization(cluster.clientID, cluster.asSecret))])
        guard let token = jsonString(reply, field: "access_token") else { throw LoadHTTP.Failure(description: "no access token in \(reply.prefix(200))") }
        return token
    }

    static let callBody = #"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"echo","arguments":{"text":"hello"}}}"#

    /// One MCP `tools/call` of `echo` (stateless Streamable HTTP, JSON response).
    func callTool(_ url: String, token: String?) async throws {
        var headers = [("Content-Type", "application/json"), ("Accept", "application/json, text/event-stream"), ("MCP-Protocol-Version", "2025-06-18")]
        if let token { headers.append(("Authorization", "Bearer \(token)")) }
        let reply = try await http.post(url, body: Self.callBody, headers: headers)
        guard reply.contains("hello"), !reply.contains("\"error\"") else { throw LoadHTTP.Failure(description: "unexpected tools/call reply \(reply.prefix(200))") }
    }
}

/// What the scenarios need to know of the cluster (plain values, so `Scenarios` is Sendable).
struct ClusterView: Sendable {
    var idpURL: String
    var asIssuer: String
    var clientID: String
    var idpSecret: String
    var asSecret: String
}

/// ID-JAGs minted for the jwt-bearer phase, each handed out once.
final class AssertionPool: Sendable {
    private let items = Mutex<[String]>([])
    func add(_ item: String) { items.withLock { $0.append(item) } }
    var count: Int { items.withLock { $0.count } }
    func snapshot() -> [String] { items.withLock { $0 } }
}
