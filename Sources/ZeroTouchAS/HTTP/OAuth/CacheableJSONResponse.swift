import Foundation
public import Hummingbird

/// A public JSON document (RFC 8414 metadata, a JWKS) with `Cache-Control: public, max-age=…`, so
/// clients and IdPs need not fetch it on every request (RFC 9111 §5.2.2.1).
public struct CacheableJSONResponse<Body: Encodable & Sendable>: ResponseGenerator, Sendable {
    /// The document.
    public var body: Body
    /// How long caches may keep it, in seconds.
    public var maxAge: Int

    /// Wraps `body`.
    public init(_ body: Body, maxAge: Int = 300) {
        self.body = body
        self.maxAge = maxAge
    }

    /// Encodes the body with sorted keys and unescaped slashes.
    /// - Throws: `EncodingError`.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(body)
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        headers[.cacheControl] = "public, max-age=\(maxAge)"
        headers[.contentLength] = String(data.count)
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }
}
