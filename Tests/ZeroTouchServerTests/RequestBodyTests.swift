import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import ZeroTouchCore
import ZeroTouchServer

private struct AdminBody: Decodable, Sendable {
    let name: String
    let limit: Int
}

@Suite("Reading OAuth forms and JSON bodies (RFC 6749 §3.2, Appendix B)")
struct RequestBodyTests {
    private static let form = "application/x-www-form-urlencoded"

    /// `/form` echoes the parsed form sorted; `/json` echoes the decoded admin body.
    private func app() throws -> Application<RouterResponder<BasicRequestContext>> {
        try TestApplication.make { router in
            router.post("/form") { request, _ -> String in
                try await URLEncodedForm(request: request).encoded
            }
            router.post("/small-form") { request, _ -> String in
                try await URLEncodedForm(request: request, maximumSize: 16).encoded
            }
            router.post("/json") { request, _ -> String in
                let body = try await request.decodeJSONBody(as: AdminBody.self, maximumSize: 64)
                return "\(body.name):\(body.limit)"
            }
        }.0
    }

    private func post(
        _ uri: String, contentType: String?, body: String, headers extra: HTTPFields = [:]
    ) async throws -> TestResponse {
        var fields = extra
        if let contentType { fields[.contentType] = contentType }
        let headers = fields
        return try await app().test(.router) { client in
            try await client.execute(uri: uri, method: .post, headers: headers, body: ByteBuffer(string: body))
        }
    }

    @Test("a good form is parsed")
    func goodForm() async throws {
        let response = try await post("/form", contentType: Self.form, body: "grant_type=urn%3Aietf&scope=a+b")
        #expect(response.status == .ok)
        #expect(response.text == "grant_type=urn%3Aietf&scope=a+b")
    }

    @Test("a charset parameter on the media type is accepted")
    func charsetParameter() async throws {
        let response = try await post("/form", contentType: "Application/X-WWW-Form-URLEncoded; charset=UTF-8", body: "a=1")
        #expect(response.status == .ok)
        #expect(response.text == "a=1")
    }

    @Test("another content type is invalid_request", arguments: ["application/json", "text/plain", "multipart/form-data", nil])
    func wrongContentType(_ contentType: String?) async throws {
        let response = try await post("/form", contentType: contentType, body: "a=1")
        #expect(response.status == .badRequest)
        #expect(response.jsonObject["error"] == "invalid_request")
        #expect(response.jsonObject["error_description"] == "Content-Type must be application/x-www-form-urlencoded")
    }

    @Test("a body over the cap is invalid_request")
    func oversizeBody() async throws {
        let response = try await post("/small-form", contentType: Self.form, body: String(repeating: "a", count: 17))
        #expect(response.status == .badRequest)
        #expect(response.jsonObject["error_description"] == "request body exceeds 16 bytes")
    }

    /// A request whose body stream is never finished: reading it to the end would hang.
    private static func unfinishedRequest(contentLength: Int?, chunks: [Int]) -> (Request, AsyncStream<ByteBuffer>.Continuation) {
        let (stream, continuation) = AsyncStream<ByteBuffer>.makeStream()
        for size in chunks { continuation.yield(ByteBuffer(repeating: UInt8(ascii: "a"), count: size)) }
        var fields = HTTPFields.contentType(form)
        if let contentLength { fields[.contentLength] = String(contentLength) }
        let head = HTTPRequest(method: .post, scheme: nil, authority: nil, path: "/token", headerFields: fields)
        return (Request(head: head, body: RequestBody(asyncSequence: stream)), continuation)
    }

    @Test("a declared Content-Length over the cap is refused before reading", .timeLimit(.minutes(1)))
    func oversizeContentLength() async throws {
        let (request, continuation) = Self.unfinishedRequest(contentLength: 70_000, chunks: [])
        defer { continuation.finish() }
        await #expect(throws: OAuthErrorResponse.invalidRequest("request body exceeds 65536 bytes")) {
            try await URLEncodedForm(request: request)
        }
    }

    @Test("an oversized stream is refused as soon as it passes the cap, without waiting for the rest", .timeLimit(.minutes(1)))
    func oversizeStream() async throws {
        let (request, continuation) = Self.unfinishedRequest(contentLength: nil, chunks: [40_000, 40_000])
        defer { continuation.finish() }
        await #expect(throws: OAuthErrorResponse.invalidRequest("request body exceeds 65536 bytes")) {
            try await URLEncodedForm(request: request)
        }
    }

    @Test("the default cap is 64 KiB")
    func defaultCap() async throws {
        let body = "a=" + String(repeating: "b", count: 64 * 1024)
        let response = try await post("/form", contentType: Self.form, body: body)
        #expect(response.status == .badRequest)
        #expect(response.jsonObject["error_description"] == "request body exceeds 65536 bytes")
    }

    @Test("a repeated parameter is invalid_request")
    func repeatedParameter() async throws {
        let response = try await post("/form", contentType: Self.form, body: "scope=a&scope=b")
        #expect(response.status == .badRequest)
        #expect(response.jsonObject["error_description"] == "parameter 'scope' is repeated")
    }

    @Test("a malformed percent-escape is invalid_request")
    func malformedEscape() async throws {
        let response = try await post("/form", contentType: Self.form, body: "a=%G1")
        #expect(response.status == .badRequest)
        #expect(response.jsonObject["error_description"] == "malformed percent-encoding in form body")
    }

    @Test("a JSON body is decoded")
    func goodJSON() async throws {
        let response = try await post("/json", contentType: "application/json; charset=utf-8", body: #"{"name":"x","limit":3}"#)
        #expect(response.status == .ok)
        #expect(response.text == "x:3")
    }

    @Test(
        "a bad JSON body is invalid_request naming the member, never the value",
        arguments: [
            (#"{"name":"x"}"#, "missing member 'limit'"),
            (#"{"name":"x","limit":"secret-value"}"#, "member 'limit' has the wrong type"),
            (#"{"name":null,"limit":1}"#, "member 'name' must not be null"),
            ("not json", "request body is not valid JSON"),
        ]
    )
    func badJSON(_ body: String, _ description: String) async throws {
        let response = try await post("/json", contentType: "application/json", body: body)
        #expect(response.status == .badRequest)
        #expect(response.jsonObject == ["error": "invalid_request", "error_description": description])
    }

    @Test("a JSON body needs a JSON media type and respects its cap")
    func jsonLimits() async throws {
        let wrongType = try await post("/json", contentType: Self.form, body: #"{"name":"x","limit":3}"#)
        #expect(wrongType.jsonObject["error_description"] == "Content-Type must be application/json")
        let problemJSON = try await post("/json", contentType: "application/merge-patch+json", body: #"{"name":"x","limit":3}"#)
        #expect(problemJSON.status == .ok)
        let large = try await post("/json", contentType: "application/json", body: #"{"name":""# + String(repeating: "x", count: 80) + #""}"#)
        #expect(large.jsonObject["error_description"] == "request body exceeds 64 bytes")
    }
}
