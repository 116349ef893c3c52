import Foundation
import HTTPTypes
import Hummingbird
import MCP
import NIOCore

/// Turns the swift-sdk's framework-neutral `HTTPResponse` into a Hummingbird `Response`, passing
/// `initialize` results through `EnterpriseAuthorizationExtension` (JSON bodies and SSE events).
enum MCPResponseConversion {
    /// Converts `response`; `onFinish` runs once the body has been written (or abandoned).
    static func response(
        _ response: MCP.HTTPResponse, initializeIDs: Set<JSONRPCID>, onFinish: @escaping @Sendable () -> Void
    ) -> Response {
        let status = HTTPTypes.HTTPResponse.Status(code: response.statusCode)
        var headers = HTTPFields()
        for (name, value) in response.headers {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        switch response {
        case .stream(let stream, _):
            let body = SSERewritingSequence(ByteBufferSequence(base: stream), onFinish: onFinish) { event in
                Self.announce(in: &event, initializeIDs: initializeIDs)
            }
            return Response(status: status, headers: headers, body: ResponseBody(asyncSequence: body))
        default:
            defer { onFinish() }
            guard var data = response.bodyData else { return Response(status: status, headers: headers) }
            data = EnterpriseAuthorizationExtension.announce(in: data, initializeIDs: initializeIDs)
            headers[.contentLength] = String(data.count)
            return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
        }
    }

    /// Applies the extension announcement to one SSE event's data.
    static func announce(in event: inout SSEEvent, initializeIDs: Set<JSONRPCID>) {
        guard !initializeIDs.isEmpty, let data = event.data, !data.isEmpty else { return }
        let original = Data(data.utf8)
        let edited = EnterpriseAuthorizationExtension.announce(in: original, initializeIDs: initializeIDs)
        if edited != original { event.replaceData(with: String(decoding: edited, as: UTF8.self)) }
    }

    /// A JSON-RPC error response with `status` (a body that could not be used, a refused tool).
    static func jsonRPCError(status: HTTPTypes.HTTPResponse.Status, code: Int, message: String, id: JSONRPCID? = nil) -> Response {
        let data = JSONRPCBody.errorResponse(code: code, message: message, id: id)
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.contentLength] = String(data.count)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
