import Foundation
import HTTPTypes
public import Hummingbird

/// A successful OAuth JSON response (RFC 6749 §5.1): the encoded body with
/// `Content-Type: application/json`, `Cache-Control: no-store` and `Pragma: no-cache`.
///
/// ```swift
/// return try OAuthJSONResponse(tokenResponse).response(from: request, context: context)
/// ```
public struct OAuthJSONResponse<Body: Encodable>: ResponseGenerator {
    /// The value encoded as the JSON body.
    public var body: Body
    /// The HTTP status, 200 unless given.
    public var status: HTTPResponse.Status

    /// Wraps `body`; the response is not cacheable (RFC 6749 §5.1).
    /// - Parameters:
    ///   - body: the value encoded as the JSON body.
    ///   - status: the HTTP status.
    public init(_ body: Body, status: HTTPResponse.Status = .ok) {
        self.body = body
        self.status = status
    }

    /// Encodes the body; dates as ISO 8601, slashes unescaped.
    /// - Throws: `EncodingError` when the body cannot be encoded.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        try OAuthJSON.response(body, status: status, headers: .oauthNoStore)
    }
}

extension OAuthJSONResponse: Sendable where Body: Sendable {}

/// JSON encoding shared by the OAuth success and error responses.
enum OAuthJSON {
    static func response(_ value: some Encodable, status: HTTPResponse.Status, headers: HTTPFields) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let data = try encoder.encode(value)
        var headers = headers
        headers[.contentLength] = String(data.count)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}

extension HTTPFields {
    /// The headers RFC 6749 §5.1 requires on token and error responses.
    static var oauthNoStore: HTTPFields {
        var fields = HTTPFields()
        fields[.contentType] = "application/json"
        fields[.cacheControl] = "no-store"
        fields[.pragma] = "no-cache"
        return fields
    }
}

extension HTTPField.Name {
    /// `Pragma` (RFC 9111 §5.4), still sent for HTTP/1.0 caches as RFC 6749 §5.1 asks.
    static var pragma: HTTPField.Name { HTTPField.Name("Pragma")! }
    /// `X-Request-ID`: the request id the access log records.
    static var requestID: HTTPField.Name { HTTPField.Name("X-Request-ID")! }
}
