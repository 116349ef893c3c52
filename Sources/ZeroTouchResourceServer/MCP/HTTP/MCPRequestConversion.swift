import Foundation
import HTTPTypes
import Hummingbird
import MCP

/// Turns a Hummingbird request into the swift-sdk's framework-neutral `HTTPRequest`.
///
/// Only the headers Streamable HTTP uses are passed on; `Authorization` never is (MCP "Access
/// Token Privilege Restriction": no token passthrough), and the caller-reference header is set by
/// us, replacing anything the client sent under that name.
enum MCPRequestConversion {
    /// The request headers the transports read.
    static let forwardedHeaders: [String] = [
        "Content-Type", "Accept", HTTPHeaderName.sessionID, HTTPHeaderName.protocolVersion, HTTPHeaderName.lastEventID, "Origin",
    ]

    static func request(from request: Request, body: Data?, callerReference: String) -> MCP.HTTPRequest {
        var headers: [String: String] = [:]
        for name in forwardedHeaders {
            if let field = HTTPField.Name(name), let value = request.headers[field] { headers[name] = value }
        }
        headers[MCPCallerRegistry.headerName] = callerReference
        return MCP.HTTPRequest(method: request.method.rawValue, headers: headers, body: body, path: request.uri.path)
    }
}
