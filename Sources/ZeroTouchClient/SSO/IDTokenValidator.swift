import Foundation
import ZeroTouchCore
import ZeroTouchJOSE

/// Verifies an ID token as OpenID Connect Core §3.1.3.7 asks, in this order (the first failure
/// wins): signature with a key from the IdP's JWKS (`typ` absent or `JWT`, algorithm allow-list,
/// never `none` or HMAC) → `iss` equal to the issuer exactly → `aud` contains this client, and
/// with several audiences `azp` is this client → `exp`/`nbf`/`iat` with 60 s leeway → `nonce`
/// equal to the one sent (when one was sent) → `sub` present.
struct IDTokenValidator: Sendable {
    var issuer: Issuer
    var clientID: ClientID
    var keys: any VerificationKeySource
    var clock: any WallClock

    /// The verified claims of `idToken`.
    /// - Parameter nonce: the `nonce` of the authorization request; `nil` after a refresh (OpenID
    ///   Connect Core §12.2 does not repeat it).
    /// - Throws: `ZeroTouchClientError` `.idTokenInvalid`, `.nonceMismatch`.
    func validate(_ idToken: String, nonce: String?) async throws(ZeroTouchClientError) -> IdentityClaims {
        let verifier = JWTVerifier(expectedType: .absentOr("JWT"), allowedAlgorithms: JWSAlgorithm.standardAllowList, keys: keys)
        let claims: JWTClaims
        do {
            claims = try await verifier.verify(idToken).claims
        } catch {
            throw invalid("its signature does not verify: \(error)")
        }
        do {
            guard try claims.issuer == issuer else { throw invalid("it was issued by '\(ZeroTouchClientError.printable((try? claims.string("iss")) ?? "nobody"))', not \(issuer)") }
            let audience = try claims.audience ?? []
            guard audience.contains(clientID.rawValue) else { throw invalid("it is not meant for client \(clientID)") }
            if audience.count > 1, try claims.string("azp") != clientID.rawValue { throw invalid("its azp is not client \(clientID)") }
            try JWTTimeRules(now: clock.now).check(claims)
            if let nonce {
                guard let presented = try claims.string("nonce"), RandomValue.constantTimeEquals(presented, nonce) else {
                    throw ZeroTouchClientError(
                        .nonceMismatch, "the ID token's nonce is not the one this login sent", nextStep: "Run `zerotouch login` again", url: issuer.rawValue)
                }
            }
            guard let subject = try claims.subject, let expiresAt = try claims.expiration else { throw invalid("it has no sub or exp") }
            return IdentityClaims(
                issuer: issuer, subject: subject, expiresAt: expiresAt, email: try? claims.string("email"), name: try? claims.string("name"),
                preferredUsername: try? claims.string("preferred_username"))
        } catch let error as ZeroTouchClientError {
            throw error
        } catch {
            throw invalid("\(error)")
        }
    }

    private func invalid(_ reason: String) -> ZeroTouchClientError {
        ZeroTouchClientError(.idTokenInvalid, "the ID token was refused: \(reason)", nextStep: "Run `zerotouch login` again", url: issuer.rawValue)
    }
}
