import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing

/// Serves a JWKS document at `/jwks` on a live loopback port for the length of `body`.
enum JWKSServer {
    static func run(_ jwks: Data, _ body: @Sendable (_ jwksURL: String) async throws -> Void) async throws {
        let router = Router()
        router.get("jwks") { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: jwks)))
        }
        try await Application(router: router).test(.live) { client in
            let port = try #require(client.port)
            try await body("http://127.0.0.1:\(port)/jwks")
        }
    }
}
