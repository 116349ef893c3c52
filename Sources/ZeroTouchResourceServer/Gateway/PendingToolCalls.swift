import Synchronization

/// The `tools/call` requests of one exchange still waiting for their response, by JSON-RPC id.
final class PendingToolCalls: Sendable {
    private let calls: Mutex<[JSONRPCID: String]>

    init(_ body: JSONRPCBody?) {
        var calls: [JSONRPCID: String] = [:]
        for message in body?.messages ?? [] where message.isRequest && message.method == "tools/call" {
            if let id = message.id { calls[id] = message.toolName ?? "" }
        }
        self.calls = Mutex(calls)
    }

    var isEmpty: Bool { calls.withLock { $0.isEmpty } }

    /// Removes and returns the tool of the call with `id`.
    func take(_ id: JSONRPCID) -> String? { calls.withLock { $0.removeValue(forKey: id) } }

    /// Removes and returns every call still pending.
    func takeAll() -> [(id: JSONRPCID, tool: String)] {
        calls.withLock { calls in
            defer { calls.removeAll() }
            return calls.map { ($0.key, $0.value) }
        }
    }
}
