import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import Testing
import ZeroTouchCore
import ZeroTouchServer

private struct DatabaseDown: Error, CustomStringConvertible {
    var description: String { "connection to db-secret-host refused" }
}

@Suite("Health, metrics, access log and the 500 catch-all")
struct OperationalRoutesTests {
    @Test("/healthz answers 200 {\"status\":\"ok\"} without checks")
    func healthOK() async throws {
        let (app, _) = try TestApplication.make()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .ok)
            #expect(response.text == #"{"status":"ok"}"#)
            #expect(response.headers[.contentType] == "application/json")
            #expect(response.headers[.cacheControl] == "no-store")
        }
    }

    @Test("/healthz answers 503 when a readiness check fails, without the error text")
    func healthFailing() async throws {
        let checks = [
            ReadinessCheck("database") { throw DatabaseDown() },
            ReadinessCheck("keys") {},
        ]
        let (app, store) = try TestApplication.make(readinessChecks: checks)
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .serviceUnavailable)
            #expect(response.text == #"{"checks":{"database":"failing","keys":"ok"},"status":"unavailable"}"#)
        }
        #expect(store.all.contains { $0.message == "readiness check failed" && $0.metadata["check"] == "database" })
        #expect(!store.text.contains("db-secret-host"))
    }

    @Test("/healthz reports passing checks by name")
    func healthChecksPassing() async throws {
        let (app, _) = try TestApplication.make(readinessChecks: [ReadinessCheck("database") {}])
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/healthz", method: .get)
            #expect(response.status == .ok)
            #expect(response.text == #"{"checks":{"database":"ok"},"status":"ok"}"#)
        }
    }

    @Test("/metrics exposes the request counter by route pattern, never the raw path")
    func metricsExposition() async throws {
        let prefix = "/probe-\(UUID().uuidString.prefix(8).lowercased())"
        let (app, _) = try TestApplication.make { router in
            router.get(RouterPath("\(prefix)/:id")) { _, _ in "ok" }
        }
        try await app.test(.router) { client in
            _ = try await client.execute(uri: "\(prefix)/12345?token=abc", method: .get)
            let response = try await client.execute(uri: "/metrics", method: .get)
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            let lines = response.text.split(separator: "\n")
            let counter = lines.first { $0.hasPrefix("http_requests_total{") && $0.contains("route=\"\(prefix)/{id}\"") }
            #expect(counter?.contains("method=\"GET\"") == true)
            #expect(counter?.contains("status=\"200\"") == true)
            #expect(counter?.hasSuffix(" 1") == true)
            #expect(lines.contains { $0.hasPrefix("http_request_duration_seconds_bucket{") && $0.contains(prefix) })
            #expect(!response.text.contains("12345"))
        }
    }

    @Test("unknown methods and paths keep metric labels bounded")
    func boundedLabels() async throws {
        let (app, _) = try TestApplication.make()
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/nowhere-\(UUID().uuidString)", method: HTTPRequest.Method("BREW")!)
            #expect(response.status == .notFound)
            let exposition = try await client.execute(uri: "/metrics", method: .get).text
            #expect(exposition.contains("method=\"OTHER\""))
            #expect(!exposition.contains("BREW"))
            #expect(!exposition.contains("nowhere-"))
        }
    }

    @Test("an unexpected error is a 500 server_error that hides the error text")
    func unexpectedError() async throws {
        let (app, store) = try TestApplication.make { router in
            router.get("/boom") { _, _ -> String in throw DatabaseDown() }
        }
        try await app.test(.router) { client in
            let response = try await client.execute(uri: "/boom", method: .get)
            #expect(response.status == .internalServerError)
            #expect(response.jsonObject == ["error": "server_error", "error_description": "the server met an unexpected condition"])
            #expect(!response.text.contains("db-secret-host"))
            #expect(response.headers[.cacheControl] == "no-store")
        }
        let failure = try #require(store.all.first { $0.message == "unexpected error" })
        #expect(failure.level == .error)
        #expect(failure.metadata["error.type"]?.description.contains("DatabaseDown") == true)
    }

    @Test("the access log has method, route, status and duration, and never the query string")
    func accessLog() async throws {
        let (app, store) = try TestApplication.make { router in
            router.post("/clients/:id") { _, _ in "ok" }
        }
        let requestID = try await app.test(.router) { client in
            var headers = HTTPFields()
            headers[.authorization] = "Bearer opaque-token-value"
            let response = try await client.execute(uri: "/clients/42?code=query-secret", method: .post, headers: headers)
            #expect(response.status == .ok)
            return try #require(response.headers[HTTPField.Name("X-Request-ID")!])
        }
        let line = try #require(store.all.first { $0.message == "request" })
        #expect(line.level == .info)
        #expect(line.metadata["http.method"] == "POST")
        #expect(line.metadata["http.route"] == "/clients/{id}")
        #expect(line.metadata["http.status"]?.description == "200")
        #expect(line.metadata["duration_ms"] != nil)
        #expect(line.metadata["hb.request.id"]?.description == requestID)
        #expect(!store.text.contains("query-secret"))
        #expect(!store.text.contains("opaque-token-value"))
        #expect(!store.text.contains("/clients/42"))
    }

    @Test("a rejection is logged at info with its code and description")
    func rejectionLog() async throws {
        let (app, store) = try TestApplication.make { router in
            router.post("/token") { _, _ -> String in throw OAuthErrorResponse(.invalidGrant, description: "the assertion has expired") }
        }
        try await app.test(.router) { client in
            _ = try await client.execute(uri: "/token", method: .post)
        }
        let line = try #require(store.all.first { $0.message == "request rejected" })
        #expect(line.level == .info)
        #expect(line.metadata["oauth.error"] == "invalid_grant")
        #expect(store.all.contains { $0.message == "request" && $0.metadata["http.status"]?.description == "400" })
    }

    @Test("health and metrics scrapes log at debug")
    func quietRoutes() async throws {
        let (app, store) = try TestApplication.make()
        try await app.test(.router) { client in
            _ = try await client.execute(uri: "/healthz", method: .get)
        }
        let line = try #require(store.all.first { $0.message == "request" })
        #expect(line.level == .debug)
    }
}
