public import ZeroTouchCore

/// Why the IdP refuses an RFC 8693 token exchange for an ID-JAG (checklist §2(b), §4.1; issue 3, item 6).
///
/// The steps and their order are listed on `TokenExchange.exchange(_:for:)`; each failure has one case.
public enum TokenExchangeRejection: Error, Equatable, Sendable, CustomStringConvertible {
    /// A required parameter is absent or empty (RFC 8693 §2.1, ID-JAG §4.3).
    case missingParameter(String)
    /// A parameter is longer than any legitimate value.
    case parameterTooLong(String)
    /// `requested_token_type` is not `urn:ietf:params:oauth:token-type:id-jag` (ID-JAG §4.3).
    case unsupportedRequestedTokenType(String)
    /// `subject_token_type` is not `urn:ietf:params:oauth:token-type:id_token`: only ID tokens are accepted.
    case unsupportedSubjectTokenType(String)
    /// A parameter this IdP does not process (`actor_token`, `authorization_details`): refused, never ignored.
    case unsupportedParameter(String)
    /// `audience` or `resource` is not an absolute URI.
    case malformedTarget(String)
    /// `scope` breaks the RFC 6749 §3.3 grammar.
    case malformedScope
    /// The client authenticated as a public client: the exchange requires client authentication (EMA-S §7.7, checklist I-4).
    case clientAuthenticationRequired(ClientID)
    /// The subject token is bad (decisions X-4: `invalid_grant`).
    case invalidSubjectToken(SubjectTokenFailure)
    /// `resource` is not in the catalog (RFC 8707 §2, RFC 8693 §2.2.2).
    case unknownResource(ResourceIdentifier)
    /// `audience` is not the authorization server of `resource` (EMA-S §7.6.1, checklist I-14).
    case audienceResourceMismatch(audience: Issuer, resource: ResourceIdentifier)
    /// No `resource` was sent and no catalog entry has this `audience`.
    case unknownAudience(Issuer)
    /// No `resource` was sent and several catalog entries share this `audience` (decisions X-3).
    case resourceRequired(audience: Issuer)
    /// Policy refused: its own code (`access_denied`, `invalid_scope`, `insufficient_user_authentication`…).
    case policy(PolicyRejection)

    /// The RFC 6749 §5.2 error code.
    public var errorCode: OAuthErrorCode {
        switch self {
        case .missingParameter, .parameterTooLong, .unsupportedRequestedTokenType, .unsupportedSubjectTokenType,
            .unsupportedParameter, .malformedTarget:
            .invalidRequest
        case .malformedScope: .invalidScope
        case .clientAuthenticationRequired: .invalidClient
        case .invalidSubjectToken: .invalidGrant
        case .unknownResource, .audienceResourceMismatch, .unknownAudience, .resourceRequired: .invalidTarget
        case .policy(let rejection): rejection.errorCode
        }
    }

    /// A description a client can show; never a token, never a rule id.
    public var errorDescription: String {
        switch self {
        case .missingParameter(let name): "missing required parameter '\(name)'"
        case .parameterTooLong(let name): "parameter '\(name)' is too long"
        case .unsupportedRequestedTokenType: "requested_token_type must be \(TokenType.idJAG.rawValue)"
        case .unsupportedSubjectTokenType: "subject_token_type must be \(TokenType.idToken.rawValue)"
        case .unsupportedParameter(let name): "parameter '\(name)' is not supported"
        case .malformedTarget(let name): "\(name) must be an absolute URI"
        case .malformedScope: "scope must be scope tokens separated by single spaces (RFC 6749 §3.3)"
        case .clientAuthenticationRequired: "token exchange requires client authentication"
        case .invalidSubjectToken(let failure): failure.errorDescription
        case .unknownResource: "the resource is not an MCP server of this organization"
        case .audienceResourceMismatch: "the audience is not the authorization server of this resource"
        case .unknownAudience: "the audience is not the authorization server of any MCP server of this organization"
        case .resourceRequired: "resource is required: this authorization server serves several MCP servers"
        case .policy(let rejection): rejection.errorDescription
        }
    }

    /// A stable code for the audit record's `reason`.
    public var reasonCode: String {
        switch self {
        case .missingParameter: "missing_parameter"
        case .parameterTooLong: "parameter_too_long"
        case .unsupportedRequestedTokenType: "unsupported_requested_token_type"
        case .unsupportedSubjectTokenType: "unsupported_subject_token_type"
        case .unsupportedParameter: "unsupported_parameter"
        case .malformedTarget: "malformed_target"
        case .malformedScope: "malformed_scope"
        case .clientAuthenticationRequired: "client_authentication_required"
        case .invalidSubjectToken(let failure): failure.reasonCode
        case .unknownResource: "unknown_resource"
        case .audienceResourceMismatch: "audience_resource_mismatch"
        case .unknownAudience: "unknown_audience"
        case .resourceRequired: "resource_required"
        case .policy(let rejection): rejection.reasonCode
        }
    }

    /// The log line: names and identifiers, never a token.
    public var description: String {
        switch self {
        case .missingParameter(let name), .parameterTooLong(let name), .unsupportedParameter(let name), .malformedTarget(let name):
            "\(reasonCode) (\(name))"
        case .unsupportedRequestedTokenType(let value), .unsupportedSubjectTokenType(let value): "\(reasonCode) (\(value.prefix(100)))"
        case .malformedScope: reasonCode
        case .clientAuthenticationRequired(let client): "\(reasonCode) (client \(client))"
        case .invalidSubjectToken(let failure): failure.description
        case .unknownResource(let resource): "\(reasonCode) (\(resource.rawValue.prefix(200)))"
        case .audienceResourceMismatch(let audience, let resource): "\(reasonCode) (\(audience.rawValue.prefix(200)), \(resource.rawValue.prefix(200)))"
        case .unknownAudience(let audience), .resourceRequired(let audience): "\(reasonCode) (\(audience.rawValue.prefix(200)))"
        case .policy(let rejection): rejection.description
        }
    }
}

/// A token-exchange rejection as answered: the rejection and, once it was audited, the audit record's
/// id, returned as `audit_reference` so that an admin can find the decision (decisions: policy denial).
public struct TokenExchangeError: OAuthErrorConvertible, Equatable, Sendable {
    public let rejection: TokenExchangeRejection
    /// The audit record id, when the rejection was recorded.
    public let auditReference: String?

    public init(_ rejection: TokenExchangeRejection, auditReference: String?) {
        self.rejection = rejection
        self.auditReference = auditReference
    }

    /// RFC 6749 §5.2 JSON; `invalid_client` gets `WWW-Authenticate: Basic` as other client failures do.
    public var oauthError: OAuthErrorResponse {
        var fields: [String: String] = [:]
        if let auditReference { fields["audit_reference"] = auditReference }
        return OAuthErrorResponse(rejection.errorCode, description: rejection.errorDescription, additionalFields: fields)
    }

    public var description: String { rejection.description }
}
