extension IDJAGRejection {
    /// A stable, machine-readable reason for the audit trail (`AuditRecord.reason`), one per case.
    public var auditReason: String {
        switch self {
        case .oversized: "oversized"
        case .malformed: "malformed"
        case .wrongType: "wrong_typ"
        case .algorithmNotAllowed: "alg_not_allowed"
        case .untrustedIssuer: "untrusted_issuer"
        case .unknownKey: "unknown_key"
        case .ambiguousKey: "ambiguous_key"
        case .unsuitableKey: "unsuitable_key"
        case .keysUnavailable: "keys_unavailable"
        case .badSignature: "bad_signature"
        case .missingClaim: "missing_claim"
        case .invalidClaim: "invalid_claim"
        case .unsupportedClaim: "unsupported_claim"
        case .audienceMismatch: "audience_mismatch"
        case .clientMismatch: "client_mismatch"
        case .resourceRequired: "resource_required"
        case .unknownResource: "unknown_resource"
        case .resourceNotAllowed: "resource_not_allowed"
        case .resourceMismatch: "resource_mismatch"
        case .expired: "expired"
        case .notYetValid: "not_yet_valid"
        case .issuedInFuture: "issued_in_future"
        case .lifetimeTooLong: "lifetime_too_long"
        case .malformedScope: "malformed_scope"
        case .unregisteredScope: "unregistered_scope"
        case .scopeNotGranted: "scope_not_granted"
        case .tenantMismatch: "tenant_mismatch"
        case .userNotLinked: "user_not_linked"
        case .userDisabled: "user_disabled"
        case .replayed: "replayed"
        }
    }
}
