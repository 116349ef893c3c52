public import AsyncHTTPClient
public import Foundation
public import Logging
public import MCP
import NIOCore
import NIOHTTP1
public import ZeroTouchCore

/// The MCP Streamable HTTP transport, client side (MCP 2025-11-25 "Transports" §Streamable HTTP),
/// over AsyncHTTPClient, for the swift-sdk `Client`:
///
/// - every message is a `POST` with `Accept: application/json, text/event-stream`; the answer may be
///   one JSON body, an SSE stream (read incrementally, events of type `message`), or `202`;
/// - the `Mcp-Session-Id` of the `initialize` response is sent on every later request, and the
///   session is ended with `DELETE` on disconnect; a `404` for a session means it expired;
/// - `MCP-Protocol-Version` carries the negotiated version after `initialize`;
/// - `initialize` declares the extensions (EMA by default) under `capabilities.extensions` (C-1);
/// - the bearer token goes in the `Authorization` header of every request, never the URL (C-28);
///   a `401` re-authorizes once, a `403 insufficient_scope` steps up once (C-32).
///
/// The SDK's own `HTTPClientTransport` cannot read SSE responses on Linux. There is no standalone
/// `GET` stream for server-initiated messages: responses arrive on the `POST` that asked.
public actor StreamableHTTPTransport: Transport {
    /// The transport's logger (the SDK's `Transport` requirement). Never given a token.
    public nonisolated let logger: Logger
    /// The MCP endpoint.
    public nonisolated let endpoint: String
    /// Extensions declared in `initialize`.
    public nonisolated let extensions: [String]
    /// The session id the server assigned, if any.
    public internal(set) var sessionID: String?
    /// The protocol version the server chose in `initialize`.
    public internal(set) var protocolVersion: String?

    let httpClient: HTTPClient
    let endpointPolicy: EndpointPolicy
    let requestTimeout: Duration
    let authorization: (any MCPAuthorizationProvider)?
    let maximumMessageBytes = 16 * 1024 * 1024
    var initializeID: JSONValue?
    var isConnected = false
    private let messages: AsyncThrowingStream<Data, any Error>
    let continuation: AsyncThrowingStream<Data, any Error>.Continuation

    /// Creates a transport.
    /// - Parameters:
    ///   - endpoint: the MCP server URL; https, or http on loopback.
    ///   - authorization: where access tokens come from; `nil` for servers without authorization.
    ///   - extensions: declared under `capabilities.extensions` in `initialize`.
    ///   - httpClient: by default one that never follows redirects.
    ///   - endpointPolicy: which URLs may be used.
    ///   - requestTimeout: the limit for one request, its whole response stream included.
    ///   - logger: for the SDK and this transport.
    public init(
        endpoint: String, authorization: (any MCPAuthorizationProvider)? = nil,
        extensions: [String] = [EnterpriseManagedAuthorization.extensionID], httpClient: HTTPClient = ZeroTouchHTTPClient.shared,
        endpointPolicy: EndpointPolicy = .standard, requestTimeout: Duration = .seconds(60),
        logger: Logger = Logger(label: "zerotouch.client.transport")
    ) {
        self.endpoint = endpoint
        self.authorization = authorization
        self.extensions = extensions
        self.httpClient = httpClient
        self.endpointPolicy = endpointPolicy
        self.requestTimeout = requestTimeout
        self.logger = logger
        (messages, continuation) = AsyncThrowingStream.makeStream(of: Data.self)
    }

    /// Checks the endpoint against the policy; no request is made.
    /// - Throws: `ZeroTouchClientError.insecureEndpoint`.
    public func connect() async throws {
        try http.check(endpoint, what: "MCP server URL")
        isConnected = true
    }

    /// Ends the session with `DELETE` when there is one (a 405 answer is fine), then ends the stream.
    public func disconnect() async {
        guard isConnected else { return }
        isConnected = false
        if let sessionID {
            var request = HTTPClientRequest(url: endpoint)
            request.method = .DELETE
            request.headers.add(name: "Mcp-Session-Id", value: sessionID)
            if let protocolVersion { request.headers.add(name: "MCP-Protocol-Version", value: protocolVersion) }
            if let token = try? await authorization?.currentToken(for: endpoint) {
                request.headers.add(name: "Authorization", value: token.authorizationHeader)
            }
            _ = try? await httpClient.execute(request, timeout: .seconds(2))
            self.sessionID = nil
        }
        continuation.finish()
    }

    /// The messages the server sent, in order, for the SDK's message loop.
    public func receive() -> AsyncThrowingStream<Data, any Error> { messages }

    /// Sends one JSON-RPC message (or batch) and delivers whatever the server answers.
    /// - Throws: `ZeroTouchClientError`: `.unauthorized`, `.insufficientScope`, `.sessionExpired`,
    ///   `.mcpRequestFailed`, `.transportFailed`, `.malformedResponse`, or an authorization failure
    ///   such as `.blockedByPolicy`.
    public func send(_ data: Data) async throws {
        guard isConnected else { throw ZeroTouchClientError(.transportFailed, "the transport is not connected", url: endpoint) }
        var body = data
        var isInitialize = false
        if let declared = MCPMessageInspector.declaringExtensions(extensions, in: data) {
            (body, initializeID, isInitialize) = (declared.data, declared.id, true)
        }
        let requestIDs = MCPMessageInspector.requestIDs(in: body)
        var token = try await authorization?.currentToken(for: endpoint)
        var hasReauthorized = false
        var hasSteppedUp = false
        while true {
            let response = try await post(body, token: token)
            let status = Int(response.status.code)
            if !(200..<300).contains(status) || status == 202 || status == 204 {
                // Read the small body of a non-delivering answer so the connection can be reused.
                _ = try? await response.body.collect(upTo: 64 * 1024)
            }
            switch status {
            case 200..<300 where status != 202 && status != 204:
                let answered = try await deliver(response, isInitialize: isInitialize)
                try requireAnswers(to: requestIDs, answered: answered)
                return
            case 202, 204:
                try requireAnswers(to: requestIDs, answered: [])
                return
            case 401:
                let challenge = BearerChallenge(headers: response.headers["WWW-Authenticate"])
                guard let authorization, !hasReauthorized else { throw unauthorized(challenge, hadToken: token != nil) }
                hasReauthorized = true
                token = try await authorization.tokenAfterUnauthorized(for: endpoint, challenge: challenge, rejected: token)
            case 403:
                let challenge = BearerChallenge(headers: response.headers["WWW-Authenticate"])
                guard let challenge, challenge.error == .insufficientScope else { throw requestFailed(status) }
                guard let authorization, !hasSteppedUp else {
                    throw ZeroTouchClientError(
                        .insufficientScope, "the MCP server needs scope '\(challenge.scope?.description ?? "")' that was not granted",
                        nextStep: "Ask your administrator for this permission", url: endpoint, status: 403)
                }
                hasSteppedUp = true
                token = try await authorization.tokenAfterInsufficientScope(for: endpoint, challenge: challenge, rejected: token)
            case 404 where sessionID != nil:
                sessionID = nil
                throw ZeroTouchClientError(.sessionExpired, "the MCP server ended the session", nextStep: "Connect again", url: endpoint, status: 404)
            default:
                throw requestFailed(status)
            }
        }
    }

    /// A request whose answer never came would wait forever in the SDK's `Client`: fail it instead.
    private func requireAnswers(to requestIDs: [JSONValue], answered: Set<JSONValue>) throws(ZeroTouchClientError) {
        guard requestIDs.allSatisfy(answered.contains) else {
            throw ZeroTouchClientError(.malformedResponse, "the MCP server ended its answer without a response to the request", url: endpoint)
        }
    }

    private func unauthorized(_ challenge: BearerChallenge?, hadToken: Bool) -> ZeroTouchClientError {
        let reason = hadToken ? "the MCP server refused the access token" : "the MCP server requires authorization"
        return ZeroTouchClientError(
            .unauthorized, reason + (challenge?.errorDescription.map { ": \(ZeroTouchClientError.printable($0))" } ?? ""),
            url: endpoint, status: 401)
    }

    private func requestFailed(_ status: Int) -> ZeroTouchClientError {
        ZeroTouchClientError(.mcpRequestFailed, "the MCP server answered HTTP \(status)", url: endpoint, status: status)
    }

    var http: HTTPExchange { HTTPExchange(httpClient: httpClient, endpointPolicy: endpointPolicy, timeout: requestTimeout) }
}
