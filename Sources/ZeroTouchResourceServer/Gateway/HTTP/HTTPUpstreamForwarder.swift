import AsyncHTTPClient
import Foundation
import HTTPTypes
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1

/// Passes Streamable HTTP exchanges to an upstream MCP server (MCP "Transports"): the request is
/// rebuilt from an allow-list of headers plus the identity headers (never the client's
/// `Authorization`), the response status and allow-listed headers come back, JSON bodies are read
/// up to a cap and SSE streams are forwarded event by event. On the way back, `initialize`
/// results gain the EMA extension and each tool-call response is audited before it is forwarded.
struct HTTPUpstreamForwarder: Sendable {
    static let requestHeaders: [HTTPField.Name] = [.contentType, .accept, .mcpSessionID, .mcpProtocolVersion, .lastEventID]
    static let responseHeaders: [HTTPField.Name] = [.contentType, .mcpSessionID, .cacheControl, .allow, .mcpProtocolVersion]

    let url: URL
    let httpClient: HTTPClient
    let configuration: GatewayConfiguration
    let auditor: ToolCallAuditor
    let owners: GatewaySessionOwners

    func forward(_ exchange: GatewayExchange) async -> Response {
        let owner = MCPSessionOwner(exchange.identity)
        if let sessionID = exchange.sessionID, !(await owners.permits(sessionID, for: owner)) {
            return MCPResponseConversion.jsonRPCError(status: .notFound, code: -32600, message: "Not Found: Session not found or expired")
        }
        let upstream: HTTPClientResponse
        do {
            upstream = try await httpClient.execute(upstreamRequest(exchange), timeout: timeAmount)
        } catch {
            exchange.logger.warning("upstream unreachable", metadata: ["error.type": .string("\(type(of: error))")])
            await auditor.abandon(exchange.pending, identity: exchange.identity, reason: "upstream_unreachable")
            return MCPResponseConversion.jsonRPCError(status: .badGateway, code: -32603, message: "the upstream server cannot be reached")
        }
        await trackSession(exchange, upstream: upstream, owner: owner)
        return await response(from: upstream, exchange: exchange)
    }

    private func upstreamRequest(_ exchange: GatewayExchange) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = HTTPMethod(rawValue: exchange.request.method.rawValue)
        for name in Self.requestHeaders {
            if let value = exchange.request.headers[name] { request.headers.add(name: name.rawName, value: value) }
        }
        for field in configuration.identityHeaders.fields(for: exchange.identity) {
            request.headers.replaceOrAdd(name: field.name, value: field.value)
        }
        if let body = exchange.body { request.body = .bytes(ByteBuffer(bytes: body.encoded())) }
        return request
    }

    private func trackSession(_ exchange: GatewayExchange, upstream: HTTPClientResponse, owner: MCPSessionOwner) async {
        guard (200..<300).contains(upstream.status.code) else { return }
        if exchange.body?.containsInitialize == true, let sessionID = upstream.headers.first(name: "Mcp-Session-Id") {
            await owners.record(sessionID, for: owner)
        }
        if exchange.request.method == .delete, let sessionID = exchange.sessionID { await owners.remove(sessionID) }
    }

    private func response(from upstream: HTTPClientResponse, exchange: GatewayExchange) async -> Response {
        var headers = HTTPFields()
        for name in Self.responseHeaders {
            if let value = upstream.headers.first(name: name.rawName) { headers[name] = value }
        }
        // The upstream's own authentication is not the client's business: a 401/403 from it is our fault.
        let code = Int(upstream.status.code)
        let status: HTTPResponse.Status = (code == 401 || code == 403) ? .badGateway : HTTPResponse.Status(code: code)
        let initializeIDs = exchange.body?.initializeIDs ?? []
        let (auditor, pending, identity, logger) = (self.auditor, exchange.pending, exchange.identity, exchange.logger)
        if headers[.contentType]?.lowercased().hasPrefix("text/event-stream") == true {
            let body = SSERewritingSequence(upstream.body, maximumEventBytes: configuration.maximumResponseBytes, onFinish: {
                guard !pending.isEmpty else { return }
                Task { await auditor.abandon(pending, identity: identity, reason: "no_response") }
            }) { event in
                MCPResponseConversion.announce(in: &event, initializeIDs: initializeIDs)
                guard let data = event.data, !data.isEmpty else { return }
                let settled = await auditor.settle(Data(data.utf8), pending: pending, identity: identity, logger: logger)
                if settled != Data(data.utf8) { event.replaceData(with: String(decoding: settled, as: UTF8.self)) }
            }
            return Response(status: status, headers: headers, body: ResponseBody(asyncSequence: body))
        }
        do {
            let bytes = try await upstream.body.collect(upTo: configuration.maximumResponseBytes)
            var data = EnterpriseAuthorizationExtension.announce(in: Data(bytes.readableBytesView), initializeIDs: initializeIDs)
            data = await auditor.settle(data, pending: pending, identity: identity, logger: logger)
            await auditor.abandon(pending, identity: identity, reason: "no_response")
            headers[.contentLength] = String(data.count)
            return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        } catch {
            await auditor.abandon(pending, identity: identity, reason: "upstream_response_unreadable")
            return MCPResponseConversion.jsonRPCError(status: .badGateway, code: -32603, message: "the upstream response could not be read")
        }
    }

    private var timeAmount: TimeAmount {
        let (seconds, attoseconds) = configuration.upstreamTimeout.components
        return .seconds(seconds) + .nanoseconds(attoseconds / 1_000_000_000)
    }
}
