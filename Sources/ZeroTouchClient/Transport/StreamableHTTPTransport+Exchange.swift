import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ZeroTouchCore

extension StreamableHTTPTransport {
    /// `POST`s one message with the session, version and authorization headers.
    func post(_ body: Data, token: AccessToken?) async throws(ZeroTouchClientError) -> HTTPClientResponse {
        var request = HTTPClientRequest(url: endpoint)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Accept", value: "application/json, text/event-stream")
        if let sessionID { request.headers.add(name: "Mcp-Session-Id", value: sessionID) }
        if let protocolVersion { request.headers.add(name: "MCP-Protocol-Version", value: protocolVersion) }
        if let token { request.headers.add(name: "Authorization", value: token.authorizationHeader) }
        request.body = .bytes(ByteBuffer(bytes: body))
        do {
            return try await httpClient.execute(request, deadline: deadline)
        } catch {
            throw HTTPExchange.transportError(error, what: "MCP server", url: endpoint)
        }
    }

    /// Reads a 2xx answer: a JSON body, or an SSE stream whose `message` events are JSON-RPC
    /// messages. The session id of an `initialize` answer is kept (it must be visible ASCII).
    /// - Returns: the ids of the responses delivered.
    func deliver(_ response: HTTPClientResponse, isInitialize: Bool) async throws(ZeroTouchClientError) -> Set<JSONValue> {
        if isInitialize, let session = response.headers.first(name: "Mcp-Session-Id") {
            guard !session.isEmpty, session.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
                throw ZeroTouchClientError(.malformedResponse, "the MCP server sent an invalid Mcp-Session-Id", url: endpoint)
            }
            sessionID = session
        }
        let contentType = response.headers.first(name: "Content-Type")?.lowercased() ?? ""
        var answered = Set<JSONValue>()
        do {
            if contentType.hasPrefix("text/event-stream") {
                var parser = ServerSentEventParser(maximumEventBytes: maximumMessageBytes)
                for try await buffer in response.body {
                    for event in try parser.feed(buffer.readableBytesView) where event.type == "message" {
                        answered.formUnion(yield(Data(event.data.utf8), isInitialize: isInitialize))
                    }
                }
            } else {
                let body = try await response.body.collect(upTo: maximumMessageBytes)
                guard body.readableBytes > 0 else { return answered }
                guard contentType.hasPrefix("application/json") else {
                    throw ZeroTouchClientError(.malformedResponse, "the MCP server answered with '\(contentType)', not JSON or SSE", url: endpoint)
                }
                answered.formUnion(yield(Data(body.readableBytesView), isInitialize: isInitialize))
            }
            return answered
        } catch let error as ZeroTouchClientError {
            throw error
        } catch is NIOTooManyBytesError {
            throw ZeroTouchClientError(.malformedResponse, "an MCP message exceeds \(maximumMessageBytes) bytes", url: endpoint)
        } catch is ServerSentEventParser.EventTooLarge {
            throw ZeroTouchClientError(.malformedResponse, "an MCP event exceeds \(maximumMessageBytes) bytes", url: endpoint)
        } catch {
            throw HTTPExchange.transportError(error, what: "MCP server", url: endpoint)
        }
    }

    /// Hands one message to the SDK, noting the negotiated protocol version first.
    /// - Returns: the ids it answers.
    private func yield(_ message: Data, isInitialize: Bool) -> [JSONValue] {
        guard !message.isEmpty else { return [] }
        if isInitialize, let initializeID, let version = MCPMessageInspector.protocolVersion(in: message, respondingTo: initializeID) {
            protocolVersion = version
        }
        continuation.yield(message)
        return MCPMessageInspector.responseIDs(in: message)
    }

    private var deadline: NIODeadline {
        let (seconds, attoseconds) = requestTimeout.components
        return .now() + .seconds(seconds) + .nanoseconds(attoseconds / 1_000_000_000)
    }
}
