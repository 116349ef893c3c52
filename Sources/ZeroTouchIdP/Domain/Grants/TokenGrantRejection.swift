public import ZeroTouchCore

/// Why `/token` refuses an `authorization_code` or `refresh_token` grant (RFC 6749 §5.2, RFC 7636 §4.6).
public enum TokenGrantRejection: OAuthErrorConvertible, Equatable, Sendable {
    /// A required parameter is absent or empty.
    case missingParameter(String)
    /// No such code, or it was forgotten after expiry.
    case unknownCode
    /// The code was already redeemed: the tokens issued for it are revoked (RFC 6749 §4.1.2).
    case reusedCode(RefreshFamilyID)
    case expiredCode
    /// The code was issued to another client (RFC 6749 §4.1.3).
    case codeClientMismatch(ClientID)
    /// `redirect_uri` differs from the authorization request's (RFC 6749 §4.1.3).
    case redirectURIMismatch
    /// `code_verifier` is malformed or does not hash to the `code_challenge` (RFC 7636 §4.6).
    case pkceVerificationFailed
    /// The user was deleted or suspended since signing in.
    case userInactive(UserID)
    case unknownRefreshToken
    /// A spent refresh token came back: the whole family is revoked (OAuth 2.1 §4.3.1).
    case refreshTokenReused(RefreshFamilyID)
    /// The refresh token's family was revoked (by reuse, revocation or suspension).
    case refreshTokenRevoked(RefreshFamilyID)
    case refreshTokenExpired(RefreshFamilyID)
    /// The refresh token was issued to another client (RFC 6749 §6).
    case refreshClientMismatch(ClientID)
    /// The refresh request asks for scope beyond the original grant (RFC 6749 §6).
    case scopeNotGranted

    public var oauthError: OAuthErrorResponse {
        switch self {
        case .missingParameter(let name): .invalidRequest("missing required parameter '\(name)'")
        case .scopeNotGranted: OAuthErrorResponse(.invalidScope, description: "the requested scope exceeds the original grant")
        default: OAuthErrorResponse(.invalidGrant, description: grantDescription)
        }
    }

    private var grantDescription: String {
        switch self {
        case .unknownCode, .expiredCode: "the authorization code is invalid or expired"
        case .reusedCode: "the authorization code was already used"
        case .codeClientMismatch: "the authorization code was issued to another client"
        case .redirectURIMismatch: "redirect_uri does not match the authorization request"
        case .pkceVerificationFailed: "code_verifier does not match the code_challenge"
        case .userInactive: "the user is not active"
        case .unknownRefreshToken, .refreshTokenExpired: "the refresh token is invalid or expired"
        case .refreshTokenReused: "the refresh token was already used; its family is revoked"
        case .refreshTokenRevoked: "the refresh token was revoked"
        case .refreshClientMismatch: "the refresh token was issued to another client"
        case .missingParameter, .scopeNotGranted: ""
        }
    }

    /// A stable code for the audit record's `reason`.
    public var reasonCode: String {
        switch self {
        case .missingParameter: "missing_parameter"
        case .unknownCode: "unknown_code"
        case .reusedCode: "code_reused"
        case .expiredCode: "code_expired"
        case .codeClientMismatch: "code_client_mismatch"
        case .redirectURIMismatch: "redirect_uri_mismatch"
        case .pkceVerificationFailed: "pkce_failed"
        case .userInactive: "user_inactive"
        case .unknownRefreshToken: "unknown_refresh_token"
        case .refreshTokenReused: "refresh_token_reused"
        case .refreshTokenRevoked: "refresh_token_revoked"
        case .refreshTokenExpired: "refresh_token_expired"
        case .refreshClientMismatch: "refresh_client_mismatch"
        case .scopeNotGranted: "scope_not_granted"
        }
    }

    /// The log line: identifiers only.
    public var description: String {
        switch self {
        case .missingParameter(let name): "\(reasonCode) (\(name))"
        case .reusedCode(let family), .refreshTokenReused(let family), .refreshTokenRevoked(let family), .refreshTokenExpired(let family):
            "\(reasonCode) (family \(family))"
        case .codeClientMismatch(let client), .refreshClientMismatch(let client): "\(reasonCode) (issued to \(client))"
        case .userInactive(let user): "\(reasonCode) (user \(user))"
        default: reasonCode
        }
    }
}
