import Foundation
import MCP
import Synchronization

/// Hands the verified identity of an HTTP request to the MCP tool handler that serves it.
///
/// The swift-sdk runs handlers in its own tasks, so a task-local set by the HTTP handler does not
/// reach them; what does reach them is the HTTP request (`Server.currentHandlerContext?.httpContext`).
/// The bridge registers the identity under a random reference and puts the reference in a private
/// header of the request it hands to the SDK, replacing any header of that name the client sent;
/// the tool handler looks the reference up here. The entry is removed when the HTTP exchange ends.
public final class MCPCallerRegistry: Sendable {
    /// The private header carrying the reference. Clients cannot set it: the bridge overwrites it.
    public static let headerName = "X-ZeroTouch-Caller-Ref"

    private let callers = Mutex<[String: VerifiedAccessToken]>([:])

    /// Creates an empty registry.
    public init() {}

    /// Registers `identity` and returns its reference.
    func register(_ identity: VerifiedAccessToken) -> String {
        let reference = UUID().uuidString
        callers.withLock { $0[reference] = identity }
        return reference
    }

    /// Removes the entry for `reference`.
    func unregister(_ reference: String) {
        _ = callers.withLock { $0.removeValue(forKey: reference) }
    }

    /// The identity of the HTTP request the current MCP handler serves, or `nil` outside one
    /// (stdio, in-memory transports) or after the exchange ended.
    public func currentCaller() -> VerifiedAccessToken? {
        guard let reference = Server.currentHandlerContext?.httpContext?.header(Self.headerName) else { return nil }
        return callers.withLock { $0[reference] }
    }

    /// How many exchanges are in flight (for tests).
    var count: Int { callers.withLock { $0.count } }
}
