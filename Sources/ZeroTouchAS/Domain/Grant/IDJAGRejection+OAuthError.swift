public import ZeroTouchCore

/// The RFC 6749 §5.2 answer to each rejection, by exhaustive switch (checklist §4.2, decisions ).
///
/// Descriptions are precise enough to debug but reveal no configuration: an untrusted issuer and
/// an unknown key share one text, as do an unknown resource and one the client may not use.
extension IDJAGRejection: OAuthErrorConvertible {
    /// The `error` code. Unknown resources and unregistered scopes answer `invalid_target` and
    /// `invalid_scope` (RFC 8707 §2, RFC 6749 §5.2, CONF-490 scenarios 5 and 6) unless the issuer is
    /// trusted in strict-EMA mode, which answers `invalid_grant` as EMA-S §7.6.2 words it.
    public var errorCode: OAuthErrorCode {
        switch self {
        case .oversized, .malformed, .wrongType, .algorithmNotAllowed, .untrustedIssuer, .unknownKey, .ambiguousKey,
            .unsuitableKey, .keysUnavailable, .badSignature, .missingClaim, .invalidClaim, .unsupportedClaim, .audienceMismatch,
            .clientMismatch, .expired, .notYetValid, .issuedInFuture, .lifetimeTooLong, .malformedScope,
            .tenantMismatch, .replayed:
            .invalidGrant
        case .resourceRequired(_, let strict), .unknownResource(_, let strict), .resourceNotAllowed(_, _, let strict):
            strict ? .invalidGrant : .invalidTarget
        case .resourceMismatch:
            .invalidTarget
        case .unregisteredScope(_, _, let strict):
            strict ? .invalidGrant : .invalidScope
        case .scopeNotGranted:
            .invalidScope
        case .userNotLinked, .userDisabled:
            .accessDenied
        }
    }

    /// The `error_description`: safe to show to the client.
    public var errorDescription: String {
        switch self {
        case .oversized(_, let limit): "assertion exceeds \(limit) bytes"
        case .malformed(let reason): "assertion is not a well-formed signed JWT: \(reason)"
        case .wrongType: "assertion typ must be \(EnterpriseManagedAuthorization.idJAGType)"
        case .algorithmNotAllowed(let alg, _): "signing algorithm \(Self.quoted(alg)) is not accepted for this issuer"
        case .untrustedIssuer, .unknownKey, .ambiguousKey, .unsuitableKey:
            "assertion is not signed by a trusted identity provider key"
        case .keysUnavailable: "the identity provider's signing keys are unavailable; try again later"
        case .badSignature: "assertion signature is invalid"
        case .missingClaim(let name): "assertion is missing the required claim '\(name)'"
        case .invalidClaim(let name): "assertion claim '\(name)' has the wrong type or form"
        case .unsupportedClaim(let name): "assertion claim '\(name)' needs a feature this authorization server does not support"
        case .audienceMismatch: "aud must be this authorization server's issuer"
        case .clientMismatch: "client_id must identify the authenticated client"
        case .resourceRequired: "resource is required: the ID-JAG must name the resource"
        case .unknownResource, .resourceNotAllowed: "resource is not served by this authorization server for this client"
        case .resourceMismatch: "resource parameter must equal the ID-JAG's resource"
        case .expired: "assertion has expired"
        case .notYetValid: "assertion is not yet valid"
        case .issuedInFuture: "assertion iat is in the future"
        case .lifetimeTooLong: "assertion lifetime (exp - iat) exceeds the accepted maximum"
        case .malformedScope: "assertion scope is not a valid scope string"
        case .unregisteredScope: "scope contains values not registered for the resource"
        case .scopeNotGranted: "requested scope is not covered by the ID-JAG's scope"
        case .tenantMismatch: "assertion tenant is not accepted for this issuer"
        case .userNotLinked: "the subject has no account at this authorization server"
        case .userDisabled: "the subject's account at this authorization server is disabled"
        case .replayed: "assertion was already used (replayed)"
        }
    }

    /// The wire error (HTTP 400 for every case).
    public var oauthError: OAuthErrorResponse { OAuthErrorResponse(errorCode, description: errorDescription) }
}
