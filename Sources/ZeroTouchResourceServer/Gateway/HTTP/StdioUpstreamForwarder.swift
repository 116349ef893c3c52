import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore

/// Serves Streamable HTTP in front of stdio MCP servers, one process per session (MCP
/// "Transports"): an `initialize` `POST` starts a process and returns its `Mcp-Session-Id`; later
/// `POST`s go to that process and are answered with JSON once every request in them has its
/// response; notifications get 202; `GET` gets 405 (the gateway offers no server stream for stdio);
/// `DELETE` stops the process.
struct StdioUpstreamForwarder: Sendable {
    let sessions: StdioSessionTable
    let configuration: GatewayConfiguration
    let auditor: ToolCallAuditor

    func forward(_ exchange: GatewayExchange) async -> Response {
        switch exchange.request.method {
        case .post: return await post(exchange)
        case .delete: return await delete(exchange)
        default:
            var response = MCPResponseConversion.jsonRPCError(status: .methodNotAllowed, code: -32600, message: "Method Not Allowed")
            response.headers[.allow] = "POST, DELETE"
            return response
        }
    }

    private func post(_ exchange: GatewayExchange) async -> Response {
        guard let body = exchange.body else { return MCPResponseConversion.jsonRPCError(status: .badRequest, code: -32600, message: "Invalid Request") }
        let process: StdioUpstreamProcess
        var newSessionID: String?
        if let sessionID = exchange.sessionID {
            guard let existing = await sessions.process(for: sessionID, owner: MCPSessionOwner(exchange.identity)) else {
                return MCPResponseConversion.jsonRPCError(status: .notFound, code: -32600, message: "Not Found: Session not found or expired")
            }
            process = existing
        } else {
            guard body.containsInitialize else {
                return MCPResponseConversion.jsonRPCError(status: .badRequest, code: -32600, message: "Bad Request: Missing Mcp-Session-Id header")
            }
            do {
                (newSessionID, process) = try await sessions.open(for: exchange.identity)
            } catch {
                exchange.logger.warning("stdio upstream could not start", metadata: ["reason": .string(error.description)])
                return MCPResponseConversion.jsonRPCError(status: .badGateway, code: -32603, message: "the upstream server could not be started")
            }
        }
        var headers = HTTPFields()
        if let sessionID = newSessionID ?? exchange.sessionID { headers[.mcpSessionID] = sessionID }
        do {
            let responses = try await send(body, to: process)
            guard !responses.isEmpty else { return Response(status: .accepted, headers: headers) }
            let encoded = body.isBatch ? ((try? JSONEncoder().encode(JSONValueArray(responses))) ?? Data()) : responses[0].encoded()
            var data = EnterpriseAuthorizationExtension.announce(in: encoded, initializeIDs: body.initializeIDs)
            data = await auditor.settle(data, pending: exchange.pending, identity: exchange.identity, logger: exchange.logger)
            headers[.contentType] = "application/json"
            headers[.contentLength] = String(data.count)
            return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        } catch {
            let failure = error as? StdioUpstreamError ?? .exited
            exchange.logger.warning("stdio upstream failed", metadata: ["reason": .string(failure.description)])
            await auditor.abandon(exchange.pending, identity: exchange.identity, reason: failure == .timedOut ? "upstream_timeout" : "upstream_failed")
            if let newSessionID { await sessions.close(newSessionID) }
            return MCPResponseConversion.jsonRPCError(
                status: failure == .timedOut ? .gatewayTimeout : .badGateway, code: -32603, message: failure.description)
        }
    }

    /// Sends every message and waits for the responses to its requests, in order.
    private func send(_ body: JSONRPCBody, to process: StdioUpstreamProcess) async throws -> [JSONRPCMessage] {
        var responses: [JSONRPCMessage] = []
        for message in body.messages {
            if message.isRequest {
                responses.append(try await process.request(message, timeout: configuration.upstreamTimeout))
            } else {
                try await process.send(message)
            }
        }
        return responses
    }

    private func delete(_ exchange: GatewayExchange) async -> Response {
        guard let sessionID = exchange.sessionID,
            await sessions.process(for: sessionID, owner: MCPSessionOwner(exchange.identity)) != nil
        else {
            return MCPResponseConversion.jsonRPCError(status: .notFound, code: -32600, message: "Not Found: Session not found or expired")
        }
        await sessions.close(sessionID)
        return Response(status: .ok)
    }
}

/// Encodes messages as a JSON array (a batch response).
private struct JSONValueArray: Encodable {
    let messages: [JSONRPCMessage]
    init(_ messages: [JSONRPCMessage]) { self.messages = messages }
    func encode(to encoder: any Encoder) throws {
        var container = encoder.unkeyedContainer()
        for message in messages { try container.encode(message.object) }
    }
}
