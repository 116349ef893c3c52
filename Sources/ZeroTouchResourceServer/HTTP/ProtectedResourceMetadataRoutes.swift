import Foundation
import HTTPTypes
public import Hummingbird

/// Serves the resource's RFC 9728 metadata at `/.well-known/oauth-protected-resource` with the
/// resource path inserted (§3.1) and at the root form, without authentication (MCP
/// "Protected Resource Metadata Discovery Requirements").
///
/// The document is encoded once; responses may be cached for five minutes and are readable from
/// browser-based clients (`Access-Control-Allow-Origin: *`; the document holds no secret).
public enum ProtectedResourceMetadataRoutes {
    /// Adds `GET` (and `HEAD`, answered by Hummingbird) for every path of `resource.metadataPaths`.
    /// - Throws: `EncodingError` when the document cannot be encoded.
    public static func addRoutes<Context: RequestContext>(to router: Router<Context>, resource: ProtectedResource) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let body = try encoder.encode(resource.metadata)
        for path in resource.metadataPaths {
            router.get(RouterPath(path)) { _, _ -> Response in
                var headers = HTTPFields()
                headers[.contentType] = "application/json"
                headers[.cacheControl] = "public, max-age=300"
                headers[.accessControlAllowOrigin] = "*"
                return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: body)))
            }
        }
    }
}
