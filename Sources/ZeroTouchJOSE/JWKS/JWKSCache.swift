import Foundation
public import Logging
public import ZeroTouchCore

/// Other parties' JWKS, cached per issuer (two issuers may publish the same `kid`), with an
/// injected clock (decisions.md "Finding a trusted IdP's keys"; checklist A-6).
///
/// - A key set is kept for its `Cache-Control: max-age`, clamped by `JWKSCachePolicy`.
/// - An unknown `kid` triggers one refresh, unless the last fetch for that issuer started less
///   than `refreshCooldown` ago; the refreshed set replaces the old one entirely, so a key the
///   issuer withdrew stops verifying.
/// - Concurrent lookups that need a fetch for one issuer share it (single flight). Fetches run in
///   their own tasks, so the actor is free while they wait: a slow or failing issuer never delays
///   lookups for another.
/// - Fail closed: when the set has expired and the fetch fails, lookups are refused with
///   `JOSERejection.keySetUnavailable`; after a failure, the next fetch waits for the cool-down.
public actor JWKSCache {
    private struct Entry {
        var keys: [VerificationKey]
        var expiresAt: Date
    }

    /// The cache's bounds and cool-down.
    public let policy: JWKSCachePolicy
    private let fetcher: any JWKSFetcher
    private let clock: any WallClock
    private let logger: Logger
    private var entries: [Issuer: Entry] = [:]
    private var lastFetchStart: [Issuer: Date] = [:]
    private var lastFailure: [Issuer: JWKSFetchFailure] = [:]
    private var inFlight: [Issuer: Task<JWKSFetchResult, Never>] = [:]
    /// Lookups currently waiting on another lookup's fetch, per issuer (for tests of single flight).
    private(set) var joinedFetches: [Issuer: Int] = [:]

    /// Creates an empty cache.
    /// - Parameters:
    ///   - fetcher: Fetches key sets; `HTTPJWKSFetcher` in production.
    ///   - clock: The time source for lifetimes and cool-downs.
    ///   - policy: Lifetime bounds and cool-down.
    ///   - logger: Receives skipped keys and fetch failures (never tokens).
    public init(fetcher: any JWKSFetcher, clock: any WallClock = SystemClock(), policy: JWKSCachePolicy = .standard, logger: Logger = Logger(label: "zerotouch.jose.jwks-cache")) {
        self.fetcher = fetcher
        self.clock = clock
        self.policy = policy
        self.logger = logger
    }

    /// `issuer`'s keys as a source for `JWTVerifier`.
    public nonisolated func keySource(for issuer: Issuer, at location: JWKSLocation) -> IssuerKeySource {
        IssuerKeySource(cache: self, issuer: issuer, location: location)
    }

    /// The key of `issuer` for a token with `keyID` and `algorithm`, selected as
    /// `VerificationKeySource` describes, fetching the issuer's set when it is missing or expired
    /// and refreshing it once when `keyID` is unknown.
    /// - Throws: `JOSERejection.keySetUnavailable`, `.unknownKeyID`, `.noKeyForAlgorithm`,
    ///   `.ambiguousKey`, `.keyTypeMismatch`, `.keyAlgorithmMismatch`.
    public func verificationKey(issuer: Issuer, location: JWKSLocation, keyID: KeyID?, algorithm: JWSAlgorithm) async throws(JOSERejection) -> VerificationKey {
        let keys = try await currentKeys(issuer: issuer, location: location)
        do {
            return try KeySelection.select(from: keys, keyID: keyID, algorithm: algorithm)
        } catch .unknownKeyID(let unknown) {
            guard inFlight[issuer] != nil || mayFetch(issuer) else {
                logger.info("unknown kid, refresh cooling down", metadata: ["iss": "\(issuer)", "kid": "\(JOSERejection.quoted(unknown.rawValue))"])
                throw .unknownKeyID(unknown)
            }
            let refreshed = try Self.keys(of: issuer, from: await fetch(issuer: issuer, location: location))
            return try KeySelection.select(from: refreshed, keyID: keyID, algorithm: algorithm)
        }
    }

    /// The cached keys while fresh; otherwise the result of a fetch. After a failed fetch, the
    /// failure is repeated until the cool-down has passed.
    private func currentKeys(issuer: Issuer, location: JWKSLocation) async throws(JOSERejection) -> [VerificationKey] {
        if let entry = entries[issuer], clock.now < entry.expiresAt { return entry.keys }
        if inFlight[issuer] == nil, !mayFetch(issuer), let failure = lastFailure[issuer] {
            throw .keySetUnavailable(issuer: issuer, reason: failure)
        }
        return try Self.keys(of: issuer, from: await fetch(issuer: issuer, location: location))
    }

    /// Whether the cool-down since the last fetch for `issuer` has passed.
    private func mayFetch(_ issuer: Issuer) -> Bool {
        guard let start = lastFetchStart[issuer] else { return true }
        return clock.now.timeIntervalSince(start) >= policy.refreshCooldown
    }

    /// Joins the fetch in flight for `issuer`, or starts one and records its result.
    private func fetch(issuer: Issuer, location: JWKSLocation) async -> JWKSFetchResult {
        if let running = inFlight[issuer] {
            joinedFetches[issuer, default: 0] += 1
            defer { joinedFetches[issuer, default: 1] -= 1 }
            return await running.value
        }
        lastFetchStart[issuer] = clock.now
        let fetcher = self.fetcher
        let task = Task { await fetcher.fetchKeySet(of: issuer, from: location) }
        inFlight[issuer] = task
        let result = await task.value
        inFlight[issuer] = nil
        record(result, for: issuer)
        return result
    }

    private func record(_ result: JWKSFetchResult, for issuer: Issuer) {
        switch result {
        case .success(let parsed, let maxAge):
            let lifetime = policy.lifetime(maxAge: maxAge)
            entries[issuer] = Entry(keys: parsed.keys, expiresAt: clock.now.addingTimeInterval(lifetime))
            lastFailure[issuer] = nil
            for skipped in parsed.skipped {
                logger.notice("JWKS key skipped", metadata: ["iss": "\(issuer)", "reason": "\(skipped)"])
            }
        case .failure(let failure):
            lastFailure[issuer] = failure
            logger.warning("JWKS fetch failed", metadata: ["iss": "\(issuer)", "reason": "\(failure)"])
        }
    }

    private static func keys(of issuer: Issuer, from result: JWKSFetchResult) throws(JOSERejection) -> [VerificationKey] {
        switch result {
        case .success(let parsed, _): return parsed.keys
        case .failure(let failure): throw .keySetUnavailable(issuer: issuer, reason: failure)
        }
    }
}
