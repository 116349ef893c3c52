import Synchronization
import ZeroTouchCore
import ZeroTouchJOSE

/// A `JWKSFetcher` whose fetches for one issuer hang until released, and delegate otherwise: an
/// IdP whose JWKS endpoint is slow, without real time passing.
final class GatedJWKSFetcher: JWKSFetcher {
    private struct State {
        var hanging: [CheckedContinuation<Void, Never>] = []
        var startWaiters: [CheckedContinuation<Void, Never>] = []
        var started = 0
        var released = false
    }

    private let inner: any JWKSFetcher
    private let gatedIssuer: Issuer
    private let state = Mutex(State())

    init(inner: any JWKSFetcher, gating issuer: Issuer) {
        self.inner = inner
        self.gatedIssuer = issuer
    }

    /// Suspends until a gated fetch has started.
    func waitUntilGatedFetchStarted() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = state.withLock { state in
                if state.started > 0 { return true }
                state.startWaiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    /// Lets every hanging fetch continue (they then fail as timed out).
    func release() {
        let hanging = state.withLock { state in
            state.released = true
            defer { state.hanging = [] }
            return state.hanging
        }
        for continuation in hanging { continuation.resume() }
    }

    func fetchKeySet(of issuer: Issuer, from location: JWKSLocation) async -> JWKSFetchResult {
        guard issuer == gatedIssuer else { return await inner.fetchKeySet(of: issuer, from: location) }
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let (waiters, released) = state.withLock { state in
                state.started += 1
                if !state.released { state.hanging.append(continuation) }
                defer { state.startWaiters = [] }
                return (state.startWaiters, state.released)
            }
            for waiter in waiters { waiter.resume() }
            if released { continuation.resume() }
        }
        return .failure(.timedOut(after: .seconds(5)))
    }
}
