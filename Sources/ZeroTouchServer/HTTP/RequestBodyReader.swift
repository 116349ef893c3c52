import Foundation
import HTTPTypes
import Hummingbird
import ZeroTouchCore

/// Reads a request body with a size cap and checks its media type, failing with `invalid_request`.
///
/// Shared by the form reader (RFC 6749 §3.2, Appendix B) and the JSON reader of the admin APIs.
/// An oversized body is refused from `Content-Length` before anything is read, or as soon as the
/// received bytes pass the cap: the rest is never buffered.
enum RequestBodyReader {
    /// Requires the `Content-Type` media type (parameters such as `charset` ignored) to satisfy `accepts`.
    /// - Throws: `OAuthErrorResponse` `invalid_request` naming `expected`.
    static func requireMediaType(
        of request: Request, expected: String, accepts: (String) -> Bool
    ) throws(OAuthErrorResponse) {
        guard let mediaType = mediaType(of: request), accepts(mediaType) else {
            throw .invalidRequest("Content-Type must be \(expected)")
        }
    }

    /// The lowercased media type of `Content-Type`, without parameters (RFC 9110 §8.3.1).
    static func mediaType(of request: Request) -> String? {
        guard let value = request.headers[.contentType] else { return nil }
        let type = value.split(separator: ";", maxSplits: 1, omittingEmptySubsequences: false)[0]
        let trimmed = type.trimmingCharacters(in: .whitespaces).lowercased()
        return trimmed.isEmpty ? nil : trimmed
    }

    /// Collects at most `maximumSize` bytes of the body.
    /// - Throws: `OAuthErrorResponse` `invalid_request` when the body is larger or cannot be read.
    static func collect(_ request: Request, maximumSize: Int) async throws(OAuthErrorResponse) -> [UInt8] {
        let tooLarge = OAuthErrorResponse.invalidRequest("request body exceeds \(maximumSize) bytes")
        if let declared = request.headers[.contentLength].flatMap({ Int($0) }), declared > maximumSize {
            throw tooLarge
        }
        var bytes: [UInt8] = []
        do {
            for try await buffer in request.body {
                guard bytes.count + buffer.readableBytes <= maximumSize else { throw tooLarge }
                bytes.append(contentsOf: buffer.readableBytesView)
            }
        } catch let error as OAuthErrorResponse {
            throw error
        } catch {
            throw .invalidRequest("request body could not be read")
        }
        return bytes
    }
}
