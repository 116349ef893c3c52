import Foundation
public import HTTPTypes
public import Hummingbird
import NIOCore

/// A refused bearer token as RFC 6750 §3 answers it: `WWW-Authenticate: Bearer` with `error` and
/// `error_description` when there was a token, a bare challenge when there was none, and the same
/// members as a JSON body.
extension BearerRejection: HTTPResponseError {
    public var status: HTTPResponse.Status { HTTPResponse.Status(code: httpStatus) }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.cacheControl] = "no-store"
        var challenge = "Bearer realm=\"zerotouch-idp\""
        var body: [String: String] = [:]
        if let errorCode {
            challenge += ", error=\"\(errorCode)\", error_description=\"\(errorDescription)\""
            body = ["error": errorCode, "error_description": errorDescription]
        }
        headers[.wwwAuthenticate] = challenge
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: try encoder.encode(body))))
    }
}
