import Synchronization
import ZeroTouchCore
import ZeroTouchJOSE

/// A `JWKSFetcher` that answers from a table, counts calls per issuer, and can hold an issuer's
/// fetch until a gate opens.
final class FakeJWKSFetcher: JWKSFetcher {
    private struct State {
        var results: [Issuer: JWKSFetchResult] = [:]
        var calls: [Issuer: Int] = [:]
        var gates: [Issuer: (started: Gate, release: Gate)] = [:]
    }

    private let state = Mutex(State())

    init(_ results: [Issuer: JWKSFetchResult] = [:]) {
        state.withLock { $0.results = results }
    }

    /// Sets what the next fetches of `issuer` return.
    func serve(_ result: JWKSFetchResult, for issuer: Issuer) {
        state.withLock { $0.results[issuer] = result }
    }

    /// Makes fetches of `issuer` open `started` and then wait for `release`.
    func hold(_ issuer: Issuer, started: Gate, release: Gate) {
        state.withLock { $0.gates[issuer] = (started, release) }
    }

    /// How many fetches of `issuer` began.
    func calls(for issuer: Issuer) -> Int { state.withLock { $0.calls[issuer] ?? 0 } }

    func fetchKeySet(of issuer: Issuer, from location: JWKSLocation) async -> JWKSFetchResult {
        let gates = state.withLock { state in
            state.calls[issuer, default: 0] += 1
            return state.gates[issuer]
        }
        if let gates {
            await gates.started.open()
            await gates.release.wait()
        }
        return state.withLock { $0.results[issuer] } ?? .failure(.unexpectedStatus(404))
    }
}
