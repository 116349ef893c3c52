public import Foundation

/// Where the IdP keeps authorization codes, access tokens and refresh-token families, all by hash.
///
/// Single use must be atomic: of concurrent `redeemCode` (or `rotateRefreshToken`) calls with one hash,
/// exactly one sees `.redeemed` (`.current`). `InMemoryGrantStore` is the implementation for one IdP
/// process; replicas need a shared implementation with the same contract.
public protocol GrantStore: Sendable {
    /// Stores a new authorization code by hash (RFC 6749 §4.1.2).
    func saveCode(_ grant: AuthorizationCodeGrant, hash: TokenHash) async throws
    /// Spends the code, or reports that it was already spent.
    func redeemCode(_ hash: TokenHash) async throws -> CodeRedemption

    /// Stores a new access token by hash.
    func saveAccessToken(_ grant: AccessTokenGrant, hash: TokenHash) async throws
    /// The grant of an unexpired, unrevoked access token.
    func accessToken(_ hash: TokenHash, now: Date) async throws -> AccessTokenGrant?
    /// Revokes one access token; returns its grant if it existed.
    func revokeAccessToken(_ hash: TokenHash) async throws -> AccessTokenGrant?

    /// Stores the family's next refresh token by hash (RFC 6749 §6).
    func saveRefreshToken(_ grant: RefreshTokenGrant, hash: TokenHash) async throws
    /// Spends the family's current token; a spent one revokes the family (reuse detection).
    func rotateRefreshToken(_ hash: TokenHash) async throws -> RefreshRotation
    /// The grant of a refresh token, spent or not, without changing anything.
    func refreshToken(_ hash: TokenHash) async throws -> RefreshTokenGrant?
    /// Revokes every refresh and access token of `family`, until `expiresAt`.
    func revokeFamily(_ family: RefreshFamilyID, until expiresAt: Date) async throws
}
