import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import Synchronization

/// The result of one bounded load phase.
struct LoadResult: Sendable {
    var name: String
    var concurrency: Int
    var succeeded: Int
    var failed: Int
    var seconds: Double
    /// Latencies of the successful requests, nanoseconds, sorted.
    var latencies: [UInt64]
    var firstFailure: String?

    var requestsPerSecond: Double { Double(succeeded) / seconds }
    func percentile(_ p: Double) -> Double {
        guard !latencies.isEmpty else { return .nan }
        let index = min(latencies.count - 1, Int((Double(latencies.count) * p).rounded(.up)) - 1)
        return Double(latencies[max(0, index)]) / 1_000
    }
    var p50: Double { percentile(0.50) }
    var p99: Double { percentile(0.99) }
}

/// A closed-loop load generator: `concurrency` workers, each sending its next request when the
/// previous one is answered, until `duration` has passed or `limit` requests were started.
/// It stops by itself; there is no open-ended mode.
enum LoadGenerator {
    static func run(
        _ name: String, concurrency: Int, duration: Duration, limit: Int = .max,
        request: @escaping @Sendable (_ index: Int) async throws -> Void
    ) async -> LoadResult {
        let counter = RequestCounter()
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + duration
        let results = await withTaskGroup(of: (latencies: [UInt64], failed: Int, failure: String?).self) { group in
            for _ in 0..<concurrency {
                group.addTask {
                    var latencies: [UInt64] = []
                    latencies.reserveCapacity(1 << 14)
                    var failed = 0
                    var failure: String?
                    while clock.now < deadline {
                        let index = counter.value.wrappingAdd(1, ordering: .relaxed).oldValue
                        if index >= limit { break }
                        let begin = clock.now
                        do {
                            try await request(index)
                            let elapsed = clock.now - begin
                            latencies.append(UInt64(elapsed.components.seconds) * 1_000_000_000 + UInt64(elapsed.components.attoseconds / 1_000_000_000))
                        } catch {
                            failed += 1
                            if failure == nil { failure = "\(error)" }
                        }
                    }
                    return (latencies, failed, failure)
                }
            }
            var all: [(latencies: [UInt64], failed: Int, failure: String?)] = []
            for await result in group { all.append(result) }
            return all
        }
        let elapsed = clock.now - start
        let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
        let latencies = results.flatMap(\.latencies).sorted()
        return LoadResult(
            name: name, concurrency: concurrency, succeeded: latencies.count, failed: results.map(\.failed).reduce(0, +), seconds: seconds,
            latencies: latencies, firstFailure: results.compactMap(\.failure).first)
    }
}

/// The index of the next request, shared by the workers.
final class RequestCounter: Sendable {
    let value = Atomic<Int>(0)
}

/// The load generator's HTTP client: keep-alive connections, one per worker and host.
struct LoadHTTP: Sendable {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    let client: HTTPClient

    init(connectionsPerHost: Int) {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool.concurrentHTTP1ConnectionsPerHostSoftLimit = connectionsPerHost
        configuration.redirectConfiguration = .disallow
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
    }

    /// POSTs `body` and returns the response body; a status other than 200 is a failure.
    func post(_ url: String, body: String, headers: [(String, String)]) async throws -> String {
        var request = HTTPClientRequest(url: url)
        request.method = .POST
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(string: body))
        let response = try await client.execute(request, timeout: .seconds(30))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        let text = String(buffer: bytes)
        guard response.status == .ok else { throw Failure(description: "HTTP \(response.status.code): \(text.prefix(300))") }
        return text
    }

    func get(_ url: String) async throws -> Int {
        let response = try await client.execute(HTTPClientRequest(url: url), timeout: .seconds(2))
        _ = try await response.body.collect(upTo: 1 << 20)
        return Int(response.status.code)
    }

    func shutdown() async { try? await client.shutdown() }
}

/// Waits for a listener's `/healthz`.
enum Health {
    static func wait(port: Int, timeout: Duration = .seconds(60)) async throws {
        let http = HTTPClient.shared
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if let response = try? await http.execute(HTTPClientRequest(url: "http://127.0.0.1:\(port)/healthz"), timeout: .seconds(2)) {
                _ = try? await response.body.collect(upTo: 1 << 20)
                if response.status == .ok { return }
            }
            try await Task.sleep(for: .milliseconds(100))
        }
        throw LoadHTTP.Failure(description: "127.0.0.1:\(port) did not become healthy")
    }
}

/// The value of a top-level JSON string field, found without a JSON parser (the load generator
/// must stay cheap next to the servers it measures).
func jsonString(_ text: String, field: String) -> String? {
    guard let start = text.range(of: "\"\(field)\":\"")?.upperBound, let end = text[start...].firstIndex(of: "\"") else { return nil }
    return String(text[start..<end])
}

/// `Authorization: Basic …` for client_secret_basic (RFC 6749 §2.3.1, form-encoded id and secret).
func basicAuthorization(_ id: String, _ secret: String) -> String {
    let encode = { (value: String) in value.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~"))) ?? value }
    return "Basic " + Data("\(encode(id)):\(encode(secret))".utf8).base64EncodedString()
}
