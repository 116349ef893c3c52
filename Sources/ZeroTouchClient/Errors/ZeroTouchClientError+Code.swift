extension ZeroTouchClientError {
    /// A stable error code: a struct of static members over a private enum, so that new codes can
    /// be added without breaking callers that switch over the ones they know.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case notLoggedIn = "not_logged_in"
            case loginRequired = "login_required"
            case loginFailed = "login_failed"
            case stateMismatch = "state_mismatch"
            case idTokenInvalid = "id_token_invalid"
            case nonceMismatch = "nonce_mismatch"
            case credentialStoreFailed = "credential_store_failed"
            case configurationInvalid = "configuration_invalid"
            case insecureEndpoint = "insecure_endpoint"
            case transportFailed = "transport_failed"
            case malformedResponse = "malformed_response"
            case protectedResourceMetadataNotFound = "protected_resource_metadata_not_found"
            case resourceMismatch = "resource_mismatch"
            case authorizationServerMetadataNotFound = "authorization_server_metadata_not_found"
            case issuerMismatch = "issuer_mismatch"
            case jwtBearerNotSupported = "jwt_bearer_not_supported"
            case tokenEndpointNotAllowed = "token_endpoint_not_allowed"
            case noCredentialsForAuthorizationServer = "no_credentials_for_authorization_server"
            case blockedByPolicy = "blocked_by_policy"
            case tokenExchangeFailed = "token_exchange_failed"
            case unexpectedTokenType = "unexpected_token_type"
            case jwtBearerGrantFailed = "jwt_bearer_grant_failed"
            case unauthorized = "unauthorized"
            case insufficientScope = "insufficient_scope"
            case sessionExpired = "session_expired"
            case mcpRequestFailed = "mcp_request_failed"
            case serverNotFound = "server_not_found"
            case catalogUnavailable = "catalog_unavailable"
        }

        private let base: Base
        private init(_ base: Base) { self.base = base }

        /// The code as a snake_case string, stable across releases (for `--json` output and logs).
        public var description: String { base.rawValue }

        /// No login session is stored: the user has never logged in, or logged out.
        public static let notLoggedIn = Code(.notLoggedIn)
        /// The stored sign-in expired and could not be renewed with the refresh token
        /// (OpenID Connect Core §12): the user must log in again.
        public static let loginRequired = Code(.loginRequired)
        /// The OpenID Connect authorization code flow did not complete (OpenID Connect Core §3.1.2.6).
        public static let loginFailed = Code(.loginFailed)
        /// The redirect carried a `state` other than the one sent (RFC 6749 §10.12, EMA-S §7.5.2).
        public static let stateMismatch = Code(.stateMismatch)
        /// The ID token failed verification: signature, `iss`, `aud` or `exp` (OpenID Connect Core §3.1.3.7).
        public static let idTokenInvalid = Code(.idTokenInvalid)
        /// The ID token's `nonce` is not the one sent (OpenID Connect Core §3.1.3.7 item 11).
        public static let nonceMismatch = Code(.nonceMismatch)
        /// The credentials file could not be read or written, or has unsafe permissions.
        public static let credentialStoreFailed = Code(.credentialStoreFailed)
        /// The client's own configuration is incomplete or contradictory.
        public static let configurationInvalid = Code(.configurationInvalid)
        /// A URL is not https (http is allowed for loopback hosts only; EMA-S §7.3, decisions X-11).
        public static let insecureEndpoint = Code(.insecureEndpoint)
        /// The connection or HTTP exchange failed, or timed out.
        public static let transportFailed = Code(.transportFailed)
        /// A peer answered with a body that is not what the protocol defines.
        public static let malformedResponse = Code(.malformedResponse)
        /// No protected resource metadata was found for the MCP server (RFC 9728 §3, §5.1).
        public static let protectedResourceMetadataNotFound = Code(.protectedResourceMetadataNotFound)
        /// The metadata's `resource` does not identify the MCP server that was called (RFC 9728 §3.3).
        public static let resourceMismatch = Code(.resourceMismatch)
        /// No authorization server metadata was found (RFC 8414 §3, OpenID Connect Discovery §4).
        public static let authorizationServerMetadataNotFound = Code(.authorizationServerMetadataNotFound)
        /// The metadata names an issuer other than the one it was fetched for (RFC 8414 §3.3).
        public static let issuerMismatch = Code(.issuerMismatch)
        /// The authorization server does not offer the jwt-bearer grant (RFC 7523 §2.1, ID-JAG §7.2).
        public static let jwtBearerNotSupported = Code(.jwtBearerNotSupported)
        /// The token endpoint is missing, insecure, or not on its issuer's origin.
        public static let tokenEndpointNotAllowed = Code(.tokenEndpointNotAllowed)
        /// No client credentials are configured for this authorization server (MCP 2026-07-28, checklist C-37).
        public static let noCredentialsForAuthorizationServer = Code(.noCredentialsForAuthorizationServer)
        /// The organization's policy at the IdP refused access to this MCP server (`access_denied`).
        public static let blockedByPolicy = Code(.blockedByPolicy)
        /// The IdP refused the token exchange (RFC 8693 §2.2.2).
        public static let tokenExchangeFailed = Code(.tokenExchangeFailed)
        /// The IdP issued something other than an ID-JAG (ID-JAG §4.3.4, checklist C-19).
        public static let unexpectedTokenType = Code(.unexpectedTokenType)
        /// The authorization server refused the jwt-bearer grant (RFC 7523 §3.1, RFC 6749 §5.2).
        public static let jwtBearerGrantFailed = Code(.jwtBearerGrantFailed)
        /// The MCP server still answered 401 after one re-authorization (RFC 6750 §3.1).
        public static let unauthorized = Code(.unauthorized)
        /// The MCP server still answered 403 `insufficient_scope` after one step-up (MCP 2025-11-25).
        public static let insufficientScope = Code(.insufficientScope)
        /// The MCP server no longer knows the session (HTTP 404 with `Mcp-Session-Id`): reconnect.
        public static let sessionExpired = Code(.sessionExpired)
        /// The MCP server answered an HTTP error other than an authorization challenge.
        public static let mcpRequestFailed = Code(.mcpRequestFailed)
        /// No server of that name is in the user's catalog.
        public static let serverNotFound = Code(.serverNotFound)
        /// The IdP's catalog of MCP servers could not be read.
        public static let catalogUnavailable = Code(.catalogUnavailable)
    }
}
