public import Hummingbird
import Logging
import ServiceLifecycle

/// Runs a Hummingbird application on a real loopback listener for the length of a test body, then
/// stops it. Unlike `app.test(.live)`, the application keeps its own address (`127.0.0.1:0`), so
/// issuers derived from the bound port name the interface that actually listens.
public enum LoopbackApplication {
    /// Runs `application` while `body` runs.
    /// - Parameters:
    ///   - application: the application, configured for `127.0.0.1` and port 0.
    ///   - body: the test; it learns the port through the application's own `onServerRunning`.
    /// - Returns: what `body` returns.
    /// - Throws: what `body` throws.
    public static func run<App: ApplicationProtocol, T: Sendable>(
        _ application: App, body: () async throws -> T
    ) async throws -> T {
        let group = ServiceGroup(configuration: ServiceGroupConfiguration(services: [application], logger: application.logger))
        let server = Task { try await group.run() }
        let outcome: Result<T, any Error>
        do { outcome = .success(try await body()) } catch { outcome = .failure(error) }
        await group.triggerGracefulShutdown()
        _ = await server.result
        return try outcome.get()
    }
}

/// A value delivered once by one task and awaited by others (the port a listener bound).
public final class Rendezvous<Value: Sendable>: Sendable {
    private let stream: AsyncStream<Value>
    private let continuation: AsyncStream<Value>.Continuation

    /// A rendezvous not yet delivered.
    public init() {
        (stream, continuation) = AsyncStream.makeStream(of: Value.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Delivers the value.
    public func deliver(_ value: Value) {
        continuation.yield(value)
        continuation.finish()
    }

    /// The value, once delivered; `nil` if the stream ended without one.
    public func value() async -> Value? {
        for await value in stream { return value }
        return nil
    }
}
