import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ZeroTouchCore

/// One HTTP request to an OAuth peer, within fixed limits: the URL must pass the `EndpointPolicy`
/// *before* anything is sent (EMA-S §7.3, decisions X-11), redirects are failures, bodies are
/// capped, and one deadline covers the whole exchange.
struct HTTPExchange: Sendable {
    /// A response that arrived in full.
    struct Reply: Sendable {
        var status: Int
        var headers: HTTPHeaders
        var body: Data

        /// Whether the status is 2xx.
        var isSuccess: Bool { (200..<300).contains(status) }
    }

    var httpClient: HTTPClient
    var endpointPolicy: EndpointPolicy
    var timeout: Duration = .seconds(10)
    var maximumBodyBytes = 256 * 1024

    /// Checks `url` against the endpoint policy.
    /// - Throws: `ZeroTouchClientError.insecureEndpoint`.
    func check(_ url: String, what: String) throws(ZeroTouchClientError) {
        do {
            try endpointPolicy.check(url)
        } catch {
            throw ZeroTouchClientError(
                .insecureEndpoint, "\(what) refused: \(error)", nextStep: "Use an https URL (http is allowed only for localhost)",
                url: url)
        }
    }

    /// `GET url` asking for JSON, optionally with a bearer token.
    func get(_ url: String, what: String, bearer: String? = nil) async throws(ZeroTouchClientError) -> Reply {
        try check(url, what: what)
        var request = HTTPClientRequest(url: url)
        request.method = .GET
        request.headers.add(name: "Accept", value: "application/json")
        if let bearer { request.headers.add(name: "Authorization", value: "Bearer \(bearer)") }
        return try await send(request, what: what)
    }

    /// `POST url` with an `application/x-www-form-urlencoded` body (RFC 6749 §3.2, Appendix B).
    func postForm(_ url: String, what: String, parameters: [(String, String)], headers: HTTPHeaders = [:]) async throws(ZeroTouchClientError) -> Reply {
        try check(url, what: what)
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        request.headers = headers
        request.headers.replaceOrAdd(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.replaceOrAdd(name: "Accept", value: "application/json")
        let body = parameters.map { "\(URLEncodedForm.encode($0.0))=\(URLEncodedForm.encode($0.1))" }.joined(separator: "&")
        request.body = .bytes(ByteBuffer(string: body))
        return try await send(request, what: what)
    }

    /// Sends `request` (whose URL was checked by the caller) and collects the reply.
    func send(_ request: HTTPClientRequest, what: String) async throws(ZeroTouchClientError) -> Reply {
        let deadline = NIODeadline.now() + .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000 + timeout.components.attoseconds / 1_000_000_000)
        do {
            let response = try await httpClient.execute(request, deadline: deadline)
            let status = Int(response.status.code)
            if (300..<400).contains(status) {
                throw ZeroTouchClientError(.transportFailed, "\(what) answered with a redirect, which is not followed", url: request.url, status: status)
            }
            let body = try await response.body.collect(upTo: maximumBodyBytes)
            return Reply(status: status, headers: response.headers, body: Data(body.readableBytesView))
        } catch let error as ZeroTouchClientError {
            throw error
        } catch is NIOTooManyBytesError {
            throw ZeroTouchClientError(.malformedResponse, "\(what) answered with more than \(maximumBodyBytes) bytes", url: request.url)
        } catch {
            throw Self.transportError(error, what: what, url: request.url)
        }
    }

    /// A transport failure, described without anything the request carried.
    static func transportError(_ error: any Error, what: String, url: String) -> ZeroTouchClientError {
        let reason: String
        if let error = error as? HTTPClientError, error == .deadlineExceeded {
            reason = "\(what) did not answer in time"
        } else {
            reason = "\(what) is unreachable: \(String(describing: error).prefix(200))"
        }
        return ZeroTouchClientError(.transportFailed, reason, nextStep: "Check the URL and that the server is running", url: url)
    }

    /// Decodes a JSON body.
    /// - Throws: `ZeroTouchClientError.malformedResponse`.
    static func decode<T: Decodable>(_ type: T.Type, from reply: Reply, what: String, url: String) throws(ZeroTouchClientError) -> T {
        do {
            return try JSONDecoder().decode(T.self, from: reply.body)
        } catch {
            throw ZeroTouchClientError(.malformedResponse, "\(what) is not the JSON document the protocol defines", url: url, status: reply.status)
        }
    }

    /// The RFC 6749 §5.2 error in a reply, if it has one.
    static func oauthError(in reply: Reply) -> OAuthErrorBody? {
        guard !reply.isSuccess else { return nil }
        return try? JSONDecoder().decode(OAuthErrorBody.self, from: reply.body)
    }
}
