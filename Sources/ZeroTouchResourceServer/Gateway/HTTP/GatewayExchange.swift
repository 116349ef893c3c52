import Foundation
import HTTPTypes
import Hummingbird
import Logging

/// One authenticated exchange through the gateway: the request, its parsed body, the caller, and
/// the tool calls waiting for their outcome.
struct GatewayExchange: Sendable {
    let request: Request
    let body: JSONRPCBody?
    let identity: VerifiedAccessToken
    let pending: PendingToolCalls
    let logger: Logger

    /// The `Mcp-Session-Id` the client sent.
    var sessionID: String? { request.headers[.mcpSessionID] }
}

extension HTTPField.Name {
    /// `Mcp-Session-Id` (MCP "Session Management").
    static var mcpSessionID: HTTPField.Name { HTTPField.Name("Mcp-Session-Id")! }
    /// `MCP-Protocol-Version` (MCP "Protocol Version Header").
    static var mcpProtocolVersion: HTTPField.Name { HTTPField.Name("MCP-Protocol-Version")! }
    /// `Last-Event-ID` (HTML §9.2.4, MCP "Resumability").
    static var lastEventID: HTTPField.Name { HTTPField.Name("Last-Event-ID")! }
}
