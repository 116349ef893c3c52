public import Foundation
public import ZeroTouchCore
public import ZeroTouchJOSE

/// A signing key as the admin console shows it: identifiers and dates only, never the private key.
public struct SigningKeyStatus: Sendable, Equatable {
    /// Where a key stands in its rotation (RFC 7517 §5 key rollover).
    public enum Stage: String, Sendable, Equatable {
        /// Published, signing from `signsFrom`.
        case pending
        /// Signs new tokens.
        case signing
        /// No longer signs; published until `publishedUntil` so tokens it signed still verify.
        case retiring
    }

    /// The `kid` in the JWKS and on every token the key signs (RFC 7517 §4.5).
    public var keyID: KeyID
    /// The JWS algorithm (RFC 7518 §3.1).
    public var algorithm: String
    /// Where the key stands in its rotation.
    public var stage: Stage
    /// When the key starts (or started) signing.
    public var signsFrom: Date
    /// When the key stopped signing; `nil` while it signs or waits to.
    public var retiredAt: Date?
    /// When a retired key leaves the JWKS.
    public var publishedUntil: Date?
}

extension IdentityProvider {
    /// The audit event of a key rotation, the same one `zerotouch keys rotate` records.
    public static let keyRotationAuditEvent = "admin.keys.rotate"

    /// Rotates the signing key (`rotateSigningKey()`) and audits it as `admin.keys.rotate` by `actor`.
    /// - Throws: the key store's or the audit log's errors.
    @discardableResult
    public func rotateSigningKey(by actor: String) async throws -> SigningKey {
        let key = try await rotateSigningKey()
        let retiringFor = options.lifetimes.longestSignedToken + JWTTimeRules.defaultLeeway
        try await auditLog.append(
            AuditRecord(
                time: clock.now, service: IdPRegistry.auditService, event: Self.keyRotationAuditEvent, outcome: .success, actor: actor,
                details: [
                    "kid": key.keyID.rawValue, "retiring_for": String(Int(retiringFor)),
                    "activation_delay": String(Int(KeyRing.defaultActivationDelay)),
                ]))
        return key
    }

    /// The stored keys still published at `now`, the signing one first (RFC 7517 §5).
    /// - Throws: the key store's errors.
    public func signingKeyStatuses(now: Date) async throws -> [SigningKeyStatus] {
        _ = try await keyRing.activeKey(now: now)
        let stored = try await signingKeys.keys(owner: Self.keyOwner)
        let signing = stored.filter { $0.createdAt <= now && ($0.retiredAt.map { $0 > now } ?? true) }.max { $0.createdAt < $1.createdAt }
        return stored.filter { ($0.publishUntil ?? .distantFuture) > now }.map { key in
            let stage: SigningKeyStatus.Stage = key.keyID == signing?.keyID ? .signing : (key.createdAt > now ? .pending : .retiring)
            return SigningKeyStatus(
                keyID: key.keyID, algorithm: key.algorithm, stage: stage, signsFrom: key.createdAt, retiredAt: key.retiredAt,
                publishedUntil: key.publishUntil)
        }.sorted { ($0.stage == .signing ? 0 : 1, $1.signsFrom) < ($1.stage == .signing ? 0 : 1, $0.signsFrom) }
    }
}
