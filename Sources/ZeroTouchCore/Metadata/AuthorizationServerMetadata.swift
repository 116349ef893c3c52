import Foundation

/// Authorization server metadata (RFC 8414 §2) with the OpenID Connect Discovery 1.0 §3 and
/// ID-JAG §7 members ZeroTouch reads or publishes. Unknown members are ignored when decoding.
public struct AuthorizationServerMetadata: Codable, Sendable, Equatable {
    public var issuer: Issuer
    public var authorizationEndpoint: String?
    public var tokenEndpoint: String?
    public var jwksURI: String?
    public var userinfoEndpoint: String?
    public var registrationEndpoint: String?
    public var introspectionEndpoint: String?
    public var revocationEndpoint: String?
    public var endSessionEndpoint: String?
    public var scopesSupported: [String]?
    public var responseTypesSupported: [String]?
    public var responseModesSupported: [String]?
    public var grantTypesSupported: [String]?
    public var tokenEndpointAuthMethodsSupported: [String]?
    public var tokenEndpointAuthSigningAlgValuesSupported: [String]?
    public var introspectionEndpointAuthMethodsSupported: [String]?
    public var revocationEndpointAuthMethodsSupported: [String]?
    public var codeChallengeMethodsSupported: [String]?
    public var subjectTypesSupported: [String]?
    public var idTokenSigningAlgValuesSupported: [String]?
    public var claimsSupported: [String]?
    /// ID-JAG §7.2: grant profiles this server implements (never an issuer allow-list, §8.4).
    public var authorizationGrantProfilesSupported: [String]?
    /// ID-JAG §7.1 / identity chaining: token types an IdP issues by token exchange.
    public var identityChainingRequestedTokenTypesSupported: [String]?
    public var clientIDMetadataDocumentSupported: Bool?
    public var authorizationResponseIssParameterSupported: Bool?

    public init(issuer: Issuer) { self.issuer = issuer }

    enum CodingKeys: String, CodingKey {
        case issuer
        case authorizationEndpoint = "authorization_endpoint"
        case tokenEndpoint = "token_endpoint"
        case jwksURI = "jwks_uri"
        case userinfoEndpoint = "userinfo_endpoint"
        case registrationEndpoint = "registration_endpoint"
        case introspectionEndpoint = "introspection_endpoint"
        case revocationEndpoint = "revocation_endpoint"
        case endSessionEndpoint = "end_session_endpoint"
        case scopesSupported = "scopes_supported"
        case responseTypesSupported = "response_types_supported"
        case responseModesSupported = "response_modes_supported"
        case grantTypesSupported = "grant_types_supported"
        case tokenEndpointAuthMethodsSupported = "token_endpoint_auth_methods_supported"
        case tokenEndpointAuthSigningAlgValuesSupported = "token_endpoint_auth_signing_alg_values_supported"
        case introspectionEndpointAuthMethodsSupported = "introspection_endpoint_auth_methods_supported"
        case revocationEndpointAuthMethodsSupported = "revocation_endpoint_auth_methods_supported"
        case codeChallengeMethodsSupported = "code_challenge_methods_supported"
        case subjectTypesSupported = "subject_types_supported"
        case idTokenSigningAlgValuesSupported = "id_token_signing_alg_values_supported"
        case claimsSupported = "claims_supported"
        case authorizationGrantProfilesSupported = "authorization_grant_profiles_supported"
        case identityChainingRequestedTokenTypesSupported = "identity_chaining_requested_token_types_supported"
        case clientIDMetadataDocumentSupported = "client_id_metadata_document_supported"
        case authorizationResponseIssParameterSupported = "authorization_response_iss_parameter_supported"
    }

    /// Whether the server offers the RFC 7523 jwt-bearer grant.
    public var supportsJWTBearer: Bool { grantTypesSupported?.contains(GrantType.jwtBearer.rawValue) ?? false }

    /// The well-known metadata URLs for `issuer`, in the order MCP clients try them
    /// (MCP 2025-11-25 "Authorization Server Metadata Discovery"): RFC 8414 path-inserted, then
    /// OpenID Connect path-inserted, then OpenID Connect path-appended. For an issuer without a
    /// path: RFC 8414, then OpenID Connect.
    public static func discoveryURLs(for issuer: Issuer) -> [String] {
        guard let split = splitIssuer(issuer.rawValue) else { return [] }
        if split.path.isEmpty {
            return [split.origin + "/.well-known/oauth-authorization-server", split.origin + "/.well-known/openid-configuration"]
        }
        return [
            split.origin + "/.well-known/oauth-authorization-server" + split.path,
            split.origin + "/.well-known/openid-configuration" + split.path,
            split.origin + split.path + "/.well-known/openid-configuration",
        ]
    }

    /// Splits an issuer into origin (`scheme://host[:port]`) and path without a trailing slash.
    public static func splitIssuer(_ issuer: String) -> (origin: String, path: String)? {
        guard let schemeEnd = issuer.range(of: "://") else { return nil }
        let afterScheme = issuer[schemeEnd.upperBound...]
        let pathStart = afterScheme.firstIndex(of: "/") ?? afterScheme.endIndex
        let origin = String(issuer[..<pathStart])
        var path = String(issuer[pathStart...])
        while path.hasSuffix("/") { path.removeLast() }
        return (origin, path)
    }
}
