import Foundation
import ZeroTouchCore
import ZeroTouchJOSE

/// A `JWKSFetcher` that answers every issuer with one fixed key set, so the benchmarks measure
/// the cached-key path and never a network.
struct FixedJWKSFetcher: JWKSFetcher {
    let keys: ParsedJWKS

    init(_ keys: [SigningKey]) {
        let data = try! JSONEncoder().encode(JWKSDocument(keys: keys.map(\.publicJWK)))
        self.keys = ParsedJWKS(json: data)!
    }

    func fetchKeySet(of issuer: Issuer, from location: JWKSLocation) async -> JWKSFetchResult {
        .success(keys, maxAge: 3_600)
    }
}

/// A fixed client table for the one-time client authentication in setup.
struct FixedCredentials: ClientCredentialsProvider {
    let credentials: ClientCredentials

    func credentials(for clientID: ClientID) async throws -> ClientCredentials? {
        clientID == credentials.clientID ? credentials : nil
    }
}

/// A value set once by a benchmark's setup hook and read by its measured closure.
final class SetupBox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Value?

    var value: Value {
        get { lock.withLock { stored! } }
        set { lock.withLock { stored = newValue } }
    }
}

/// Pre-signed tokens handed out one per iteration (each has its own `jti`).
final class TokenQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var tokens: [String] = []
    private var next = 0

    func fill(_ tokens: [String]) { lock.withLock { self.tokens = tokens; next = 0 } }

    func take() -> String {
        lock.withLock {
            precondition(next < tokens.count, "not enough pre-signed tokens; raise TokenWorld.presignedCount")
            defer { next += 1 }
            return tokens[next]
        }
    }
}
