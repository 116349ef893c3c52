import AsyncHTTPClient
import NIOCore
import NIOHTTP1
import ZeroTouchCommands

/// Polls every listener's `/healthz` until it answers 200, in a bounded loop: a refused connection
/// fails at once, so each attempt is one round trip and no attempt sleeps.
enum Readiness {
    /// - Throws: when a listener is not healthy after `attempts` tries.
    static func waitUntilHealthy(_ topology: DevTopology, attempts: Int = 500) async throws {
        try await waitUntilHealthy(topology.listeners, attempts: attempts)
    }

    /// The same for any listeners, named by role.
    static func waitUntilHealthy(_ listeners: [(role: String, url: String)], attempts: Int = 500) async throws {
        for (role, url) in listeners {
            var healthy = false
            for _ in 0..<attempts where !healthy {
                let response = try? await HTTPClient.shared.execute(HTTPClientRequest(url: url + "/healthz"), timeout: .seconds(2))
                healthy = response?.status.code == 200
                if !healthy { await Task.yield() }
            }
            guard healthy else { throw FixtureError("the \(role) at \(url) is not healthy") }
        }
    }
}
