public import Foundation
import Synchronization
public import ZeroTouchCore

/// A `GrantStore` over a `TransientStore`: authorization codes, access tokens and refresh-token
/// families shared by every IdP replica on one database (issue 8 item 2), by token hash only.
///
/// Single use comes from `TransientStore.consume`, one atomic statement: of concurrent redemptions of
/// one code, or rotations of one refresh token, on any replicas, exactly one is `.redeemed`
/// (`.current`); any other presentation of a spent refresh token revokes its family
/// (OAuth 2.1 §4.3.1, RFC 6819 §5.2.2.3). A revoked family is an entry of its own kind that lives
/// until the family would have expired, so its access tokens stop working on every replica.
public struct TransientGrantStore: GrantStore {
    /// The entry kinds this store writes.
    enum Kind {
        static let code = "idp.code"
        static let accessToken = "idp.access-token"
        static let refreshToken = "idp.refresh-token"
        static let revokedFamily = "idp.revoked-family"
    }

    private let records: TransientRecords
    private var store: any TransientStore { records.store }
    private var clock: any WallClock { records.clock }

    /// A grant store over `store`; expired entries are purged every `purgeEvery` writes.
    public init(store: any TransientStore, clock: any WallClock = SystemClock(), purgeEvery: Int = 256) {
        self.records = TransientRecords(store: store, clock: clock, purgeEvery: purgeEvery)
    }

    public func saveCode(_ grant: AuthorizationCodeGrant, hash: TokenHash) async throws {
        try await records.write(grant, kind: Kind.code, key: hash.hex, expiresAt: grant.expiresAt)
    }

    public func redeemCode(_ hash: TokenHash) async throws -> CodeRedemption {
        switch try await store.consume(kind: Kind.code, key: hash.hex) {
        case .first(let data): .redeemed(try TransientCoding.decode(AuthorizationCodeGrant.self, from: data))
        case .again(let data): .reused(try TransientCoding.decode(AuthorizationCodeGrant.self, from: data))
        case .missing: .unknown
        }
    }

    public func saveAccessToken(_ grant: AccessTokenGrant, hash: TokenHash) async throws {
        try await records.write(grant, kind: Kind.accessToken, key: hash.hex, expiresAt: grant.expiresAt)
    }

    public func accessToken(_ hash: TokenHash, now: Date) async throws -> AccessTokenGrant? {
        guard let grant = try await records.read(AccessTokenGrant.self, kind: Kind.accessToken, key: hash.hex, now: now) else { return nil }
        guard try await !isRevoked(grant.family, now: now) else { return nil }
        return grant
    }

    public func revokeAccessToken(_ hash: TokenHash) async throws -> AccessTokenGrant? {
        guard let data = try await store.remove(kind: Kind.accessToken, key: hash.hex) else { return nil }
        return try TransientCoding.decode(AccessTokenGrant.self, from: data)
    }

    public func saveRefreshToken(_ grant: RefreshTokenGrant, hash: TokenHash) async throws {
        try await records.write(grant, kind: Kind.refreshToken, key: hash.hex, expiresAt: grant.expiresAt)
    }

    public func rotateRefreshToken(_ hash: TokenHash) async throws -> RefreshRotation {
        let now = clock.now
        switch try await store.consume(kind: Kind.refreshToken, key: hash.hex) {
        case .missing:
            return .unknown
        case .first(let data):
            let grant = try TransientCoding.decode(RefreshTokenGrant.self, from: data)
            return try await isRevoked(grant.family, now: now) ? .revoked(grant) : .current(grant)
        case .again(let data):
            let grant = try TransientCoding.decode(RefreshTokenGrant.self, from: data)
            if try await isRevoked(grant.family, now: now) { return .revoked(grant) }
            try await revokeFamily(grant.family, until: grant.expiresAt)
            return .reused(grant)
        }
    }

    public func refreshToken(_ hash: TokenHash) async throws -> RefreshTokenGrant? {
        try await records.read(RefreshTokenGrant.self, kind: Kind.refreshToken, key: hash.hex, now: .distantPast)
    }

    /// Marks the family revoked until `expiresAt`, or until a later revocation's expiry if one is recorded.
    public func revokeFamily(_ family: RefreshFamilyID, until expiresAt: Date) async throws {
        var until = expiresAt
        if let recorded = try await records.read(Date.self, kind: Kind.revokedFamily, key: family.rawValue, now: clock.now) {
            until = max(until, recorded)
        }
        try await records.write(until, kind: Kind.revokedFamily, key: family.rawValue, expiresAt: until)
    }

    private func isRevoked(_ family: RefreshFamilyID, now: Date) async throws -> Bool {
        try await store.value(kind: Kind.revokedFamily, key: family.rawValue, now: now) != nil
    }
}
