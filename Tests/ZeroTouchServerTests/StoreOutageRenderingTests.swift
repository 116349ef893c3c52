import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Testing
import ZeroTouchCore
import ZeroTouchServer

/// A store error as `StorageError` reports an outage (issue 8 item 6).
private struct SampleStoreError: StoreAvailabilityError, CustomStringConvertible {
    var isTemporarilyUnavailable: Bool
    var description: String { "postgres://user:secret@db/zerotouch unreachable" }
}

@Suite("A store outage is a 503 temporarily_unavailable, anything else stays a 500")
struct StoreOutageRenderingTests {
    private func app() throws -> Application<RouterResponder<BasicRequestContext>> {
        try TestApplication.make { router in
            router.post("/outage") { _, _ -> Response in throw SampleStoreError(isTemporarilyUnavailable: true) }
            router.post("/broken") { _, _ -> Response in throw SampleStoreError(isTemporarilyUnavailable: false) }
        }.0
    }

    @Test("an unavailable store answers 503 with temporarily_unavailable, Retry-After and no detail")
    func outageIs503() async throws {
        try await app().test(.router) { client in
            let response = try await client.execute(uri: "/outage", method: .post)
            #expect(response.status == .serviceUnavailable)
            #expect(response.jsonObject["error"] == "temporarily_unavailable")
            #expect(response.headers[.retryAfter] == "1")
            #expect(response.headers[.cacheControl] == "no-store")
            #expect(!String(buffer: response.body).contains("secret"))
        }
    }

    @Test("a store error that is not an outage is a plain 500 server_error")
    func otherStoreErrorIs500() async throws {
        try await app().test(.router) { client in
            let response = try await client.execute(uri: "/broken", method: .post)
            #expect(response.status == .internalServerError)
            #expect(response.jsonObject["error"] == "server_error")
        }
    }
}
