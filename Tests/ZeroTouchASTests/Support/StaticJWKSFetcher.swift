import Foundation
import Synchronization
import ZeroTouchCore
import ZeroTouchJOSE

/// A `JWKSFetcher` answering from a table per issuer and counting fetches, so tests control what
/// each IdP publishes without a network.
final class StaticJWKSFetcher: JWKSFetcher {
    private struct State {
        var published: [Issuer: [SigningKey]] = [:]
        var failures: [Issuer: JWKSFetchFailure] = [:]
        var fetches: [Issuer: Int] = [:]
    }

    private let state = Mutex(State())

    /// Publishes `keys` as `issuer`'s JWKS.
    func publish(_ keys: [SigningKey], for issuer: Issuer) {
        state.withLock {
            $0.published[issuer] = keys
            $0.failures[issuer] = nil
        }
    }

    /// Makes every fetch of `issuer`'s keys fail.
    func fail(_ issuer: Issuer, with failure: JWKSFetchFailure) { state.withLock { $0.failures[issuer] = failure } }

    /// How many times `issuer`'s keys were fetched.
    func fetchCount(_ issuer: Issuer) -> Int { state.withLock { $0.fetches[issuer, default: 0] } }

    func fetchKeySet(of issuer: Issuer, from location: JWKSLocation) async -> JWKSFetchResult {
        let (keys, failure) = state.withLock { state in
            state.fetches[issuer, default: 0] += 1
            return (state.published[issuer], state.failures[issuer])
        }
        if let failure { return .failure(failure) }
        guard let keys else { return .failure(.unexpectedStatus(404)) }
        let document = JWKSDocument(keys: keys.map(\.publicJWK))
        guard let data = try? JSONEncoder().encode(document), let parsed = ParsedJWKS(json: data) else { return .failure(.malformedJWKS) }
        return .success(parsed, maxAge: 300)
    }
}
