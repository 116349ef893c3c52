public import Foundation
public import ZeroTouchCore

/// One role's signing keys with rotation, persisted in a `SigningKeyStore` under `owner`
/// (for example `idp` or `as`).
///
/// - The active key is loaded, or generated and stored, on first use; `sign` always uses it.
/// - `rotate(now:retiringFor:activationDelay:)` publishes a new key at once and lets it sign from
///   `now + activationDelay`; the old key signs until then and stays published for `retiringFor`
///   more, which should be the longest lifetime of a token it signed, so that receivers can still
///   verify those tokens (RFC 7517 §5 key rollover). Both keys change in one `replaceAll`.
///   Publishing before signing matters: a verifier refreshes its cached JWKS for an unknown `kid`
///   at most once per cool-down (`JWKSCachePolicy`), so a key that signed the moment it appeared
///   would be refused for up to that long. An activation delay at least as long as the verifiers'
///   cool-down (`defaultActivationDelay`) guarantees that every verifier can see the key before it
///   meets a token signed with it.
/// - `jwks(now:)` publishes the active key and the retiring keys still inside their window, and
///   removes expired ones from the store.
///
/// The stored keys are cached for `storeRefreshInterval` (half a second by default), so signing does not cost
/// a database read per signature; a rotation made by another replica or by the CLI is published by
/// every replica within that interval (issue 8: key changes reach every replica within a second),
/// well inside the activation delay before the new key signs. Changes made through this
/// ring update the cache at once; parsed keys are cached by `kid`. Changes are serialized within
/// this actor.
public actor KeyRing {
    /// The store partition, e.g. `idp`.
    public let owner: String
    /// The algorithm of newly generated keys.
    public let algorithm: JWSAlgorithm
    /// How long a rotated-in key is published before it signs: twice the JWKS cache's cool-down.
    public static let defaultActivationDelay: TimeInterval = 60
    private let store: any SigningKeyStore
    /// How long the stored key list is reused before the store is read again.
    public let storeRefreshInterval: TimeInterval
    private var cachedKeys: (keys: [StoredSigningKey], readAt: Date)?
    private var parsedKeys: [KeyID: SigningKey] = [:]
    private var isChanging = false
    private var waitingChanges: [CheckedContinuation<Void, Never>] = []

    /// Creates a key ring over `store`'s keys for `owner`.
    /// - Parameter algorithm: For new keys; ES256 by default (decisions.md "Signing algorithms").
    /// - Parameter storeRefreshInterval: How long the stored key list is reused; 0 reads the store on every call.
    public init(owner: String, store: any SigningKeyStore, algorithm: JWSAlgorithm = .es256, storeRefreshInterval: TimeInterval = 0.5) {
        self.owner = owner
        self.store = store
        self.algorithm = algorithm
        self.storeRefreshInterval = storeRefreshInterval
    }

    /// The stored keys, from the cache while it is fresh at `now`.
    private func storedKeys(now: Date) async throws -> [StoredSigningKey] {
        if let cachedKeys, now >= cachedKeys.readAt, now.timeIntervalSince(cachedKeys.readAt) < storeRefreshInterval {
            return cachedKeys.keys
        }
        return try await readStore(now: now)
    }

    /// Reads the store and refreshes the cache.
    private func readStore(now: Date) async throws -> [StoredSigningKey] {
        let keys = try await store.keys(owner: owner)
        cachedKeys = (keys, now)
        return keys
    }

    /// Writes `keys` to the store and to the cache.
    private func write(_ keys: [StoredSigningKey], now: Date) async throws {
        try await store.replaceAll(owner: owner, with: keys)
        cachedKeys = (keys, now)
    }

    /// The key that signs new tokens, generated and stored if there is none yet.
    /// - Throws: The store's errors, or `SigningKeyError`.
    public func activeKey(now: Date) async throws -> SigningKey {
        if let active = Self.newestSigning(try await storedKeys(now: now), at: now) { return try parse(active) }
        await beginChange()
        defer { endChange() }
        let stored = try await readStore(now: now)
        if let active = Self.newestSigning(stored, at: now) { return try parse(active) }
        let key = try SigningKey.generate(algorithm)
        try await write([key.storedKey(createdAt: now)] + stored, now: now)
        parsedKeys[key.keyID] = key
        return key
    }

    /// Signs `claims` with the active key (see `SigningKey.sign(_:type:)`).
    /// - Throws: The store's errors, or `SigningKeyError`.
    public func sign(_ claims: some Encodable & Sendable, type: String, now: Date) async throws -> String {
        try await activeKey(now: now).sign(claims, type: type)
    }

    /// Rotates in a new key: published now, signing from `now + activationDelay`. Until then the
    /// current key keeps signing; it stays published for `retiringFor` after that. Keys whose
    /// window has passed are removed.
    /// - Parameters:
    ///   - retiringFor: The longest lifetime of a token the old key may have signed.
    ///   - activationDelay: How long the new key is published before it signs; 0 switches at once
    ///     (only safe when no verifier caches this ring's JWKS).
    /// - Returns: The new key.
    /// - Throws: The store's errors, or `SigningKeyError`.
    @discardableResult
    public func rotate(now: Date, retiringFor: TimeInterval, activationDelay: TimeInterval = 0) async throws -> SigningKey {
        await beginChange()
        defer { endChange() }
        let stored = try await readStore(now: now)
        let key = try SigningKey.generate(algorithm)
        let activation = now.addingTimeInterval(max(0, activationDelay))
        let kept = stored.filter { Self.isPublished($0, at: now) }.map { old in
            guard old.isActive else { return old }
            var retired = old
            retired.retiredAt = activation
            retired.publishUntil = activation.addingTimeInterval(retiringFor)
            return retired
        }
        // A key's `createdAt` is when it starts signing (see `newestSigning`).
        try await write([key.storedKey(createdAt: activation)] + kept, now: now)
        parsedKeys[key.keyID] = key
        return key
    }

    /// The JWKS to publish (RFC 7517 §5): the active key first, then retiring keys, newest first.
    /// Creates the active key if there is none; removes keys past `publishUntil` from the store.
    /// - Throws: The store's errors, or `SigningKeyError`.
    public func jwks(now: Date) async throws -> JWKSDocument {
        JWKSDocument(keys: try await publishedKeys(now: now).map(\.publicJWK))
    }

    /// The published keys as a key source, for verifying this role's own tokens (for example the
    /// IdP checking an ID token it issued).
    /// - Throws: The store's errors, or `SigningKeyError`.
    public func verificationKeys(now: Date) async throws -> VerificationKeySet {
        VerificationKeySet(try await publishedKeys(now: now).map(\.verificationKey))
    }

    private func publishedKeys(now: Date) async throws -> [SigningKey] {
        _ = try await activeKey(now: now)
        var stored = try await storedKeys(now: now)
        if stored.contains(where: { !Self.isPublished($0, at: now) }) {
            await beginChange()
            defer { endChange() }
            stored = try await readStore(now: now).filter { Self.isPublished($0, at: now) }
            try await write(stored, now: now)
        }
        let ordered = stored.sorted { ($0.isActive ? 1 : 0, $0.createdAt) > ($1.isActive ? 1 : 0, $1.createdAt) }
        return try ordered.map(parse)
    }

    private func parse(_ stored: StoredSigningKey) throws -> SigningKey {
        if let key = parsedKeys[stored.keyID] { return key }
        let key = try SigningKey(stored: stored)
        parsedKeys[stored.keyID] = key
        return key
    }

    /// The key that signs at `now`: the newest whose `createdAt` has come and whose `retiredAt`
    /// has not. A rotated-in key is stored with `createdAt` at its activation, and the key it
    /// replaces with `retiredAt` at the same instant, so exactly one of them signs at any time.
    private static func newestSigning(_ keys: [StoredSigningKey], at now: Date) -> StoredSigningKey? {
        keys.filter { $0.createdAt <= now && ($0.retiredAt.map { $0 > now } ?? true) }.max { $0.createdAt < $1.createdAt }
    }

    /// Active and not-yet-signing keys always; retired keys until `publishUntil`.
    private static func isPublished(_ key: StoredSigningKey, at now: Date) -> Bool {
        key.isActive || (key.publishUntil.map { now < $0 } ?? false)
    }

    /// Waits until no other change is between its read and its `replaceAll`.
    private func beginChange() async {
        guard isChanging else {
            isChanging = true
            return
        }
        await withCheckedContinuation { waitingChanges.append($0) }
    }

    private func endChange() {
        if waitingChanges.isEmpty { isChanging = false } else { waitingChanges.removeFirst().resume() }
    }
}
