import Foundation
import ZeroTouchCore

/// Reads an authorization server's metadata (RFC 8414 §3, then OpenID Connect Discovery §4, in
/// the order of `AuthorizationServerMetadata.discoveryURLs(for:)`; checklist C-3) and checks what
/// the ID-JAG flow needs before any credential is sent.
struct AuthorizationServerDiscovery: Sendable {
    var http: HTTPExchange
    /// Whether the token endpoint must be on the issuer's origin (scheme, host and port).
    var requiresTokenEndpointOnIssuerOrigin: Bool

    /// The metadata of `issuer`. The first URL answering 200 decides; its `issuer` must equal
    /// `issuer` exactly, otherwise the metadata MUST NOT be used (RFC 8414 §3.3, MCP 2026-07-28).
    /// - Throws: `ZeroTouchClientError` `.insecureEndpoint`, `.issuerMismatch`,
    ///   `.authorizationServerMetadataNotFound`, `.malformedResponse`, `.transportFailed`.
    func metadata(for issuer: Issuer) async throws(ZeroTouchClientError) -> AuthorizationServerMetadata {
        try http.check(issuer.rawValue, what: "issuer")
        for url in AuthorizationServerMetadata.discoveryURLs(for: issuer) {
            let reply = try await http.get(url, what: "authorization server metadata")
            guard reply.status == 200 else { continue }
            let metadata = try HTTPExchange.decode(AuthorizationServerMetadata.self, from: reply, what: "authorization server metadata", url: url)
            guard metadata.issuer == issuer else {
                throw ZeroTouchClientError(
                    .issuerMismatch,
                    "metadata for issuer \(issuer) names issuer '\(ZeroTouchClientError.printable(metadata.issuer.rawValue))'",
                    nextStep: "The server's metadata is inconsistent; contact its operator", url: url)
            }
            return metadata
        }
        throw ZeroTouchClientError(
            .authorizationServerMetadataNotFound, "no RFC 8414 or OpenID Connect metadata found for issuer \(issuer)", url: issuer.rawValue)
    }

    /// The token endpoint of `metadata`, checked: present, allowed by the endpoint policy and, by
    /// default, on the issuer's origin. Run *before* any credential is sent to it (EMA-S §7.3).
    /// - Throws: `ZeroTouchClientError.tokenEndpointNotAllowed`.
    func tokenEndpoint(of metadata: AuthorizationServerMetadata) throws(ZeroTouchClientError) -> String {
        guard let endpoint = metadata.tokenEndpoint else {
            throw ZeroTouchClientError(.tokenEndpointNotAllowed, "issuer \(metadata.issuer) publishes no token_endpoint", url: metadata.issuer.rawValue)
        }
        try checkTokenEndpoint(endpoint, issuer: metadata.issuer)
        return endpoint
    }

    /// Checks a token endpoint of `issuer`.
    /// - Throws: `ZeroTouchClientError.tokenEndpointNotAllowed`.
    func checkTokenEndpoint(_ endpoint: String, issuer: Issuer) throws(ZeroTouchClientError) {
        do {
            try http.endpointPolicy.check(endpoint)
        } catch {
            throw ZeroTouchClientError(.tokenEndpointNotAllowed, "token endpoint of \(issuer) refused: \(error)", url: endpoint)
        }
        if requiresTokenEndpointOnIssuerOrigin, ResourceMatch.origin(of: endpoint) != ResourceMatch.origin(of: issuer.rawValue) {
            throw ZeroTouchClientError(
                .tokenEndpointNotAllowed, "token endpoint of \(issuer) is on another origin; credentials for an issuer go only to that issuer",
                url: endpoint)
        }
    }

    /// Requires the jwt-bearer grant (RFC 7523 §2.1) in `grant_types_supported`.
    /// `authorization_grant_profiles_supported` is not required (checklist C-4: the conformance
    /// suite's authorization server does not publish it).
    /// - Throws: `ZeroTouchClientError.jwtBearerNotSupported`.
    static func requireJWTBearer(_ metadata: AuthorizationServerMetadata) throws(ZeroTouchClientError) {
        guard metadata.supportsJWTBearer else {
            throw ZeroTouchClientError(
                .jwtBearerNotSupported, "authorization server \(metadata.issuer) does not offer the jwt-bearer grant",
                nextStep: "This MCP server does not support enterprise-managed authorization", url: metadata.issuer.rawValue)
        }
    }
}
