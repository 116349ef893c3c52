import Dispatch

/// Runs slow, blocking work (a bcrypt check costs ≈250 ms at cost 12) on a Dispatch queue instead of
/// the Swift concurrency cooperative pool, whose few threads must never block.
enum BlockingWork {
    static func run<T: Sendable, E: Error>(_ work: @escaping @Sendable () throws(E) -> T) async throws(E) -> T {
        let result: Result<T, E> = await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async {
                continuation.resume(returning: Result { () throws(E) -> T in try work() })
            }
        }
        return try result.get()
    }
}
