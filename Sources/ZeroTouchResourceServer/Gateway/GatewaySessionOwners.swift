import Foundation
import ZeroTouchCore

/// Which caller owns each upstream Streamable HTTP session the gateway has seen (MCP "Session
/// Hijacking"): a session id learned from an `initialize` response belongs to that caller, and
/// a request with another caller's token, or an id the gateway never issued, gets 404.
actor GatewaySessionOwners {
    private var owners: [String: (owner: MCPSessionOwner, lastUsed: Date)] = [:]
    private let limits: MCPSessionLimits
    private let clock: any WallClock

    init(limits: MCPSessionLimits, clock: any WallClock) {
        self.limits = limits
        self.clock = clock
    }

    /// Whether `owner` may use `sessionID`; marks the session used.
    func permits(_ sessionID: String, for owner: MCPSessionOwner) -> Bool {
        expire()
        guard let entry = owners[sessionID], entry.owner == owner else { return false }
        owners[sessionID] = (owner, clock.now)
        return true
    }

    /// Records a new session; the oldest is forgotten beyond the limit.
    func record(_ sessionID: String, for owner: MCPSessionOwner) {
        expire()
        if owners.count >= limits.maximumSessions, let oldest = owners.min(by: { $0.value.lastUsed < $1.value.lastUsed }) {
            owners[oldest.key] = nil
        }
        owners[sessionID] = (owner, clock.now)
    }

    /// Forgets a session ended by `DELETE`.
    func remove(_ sessionID: String) { owners[sessionID] = nil }

    private func expire() {
        let deadline = clock.now.addingTimeInterval(-limits.idleTimeout)
        owners = owners.filter { $0.value.lastUsed >= deadline }
    }
}
