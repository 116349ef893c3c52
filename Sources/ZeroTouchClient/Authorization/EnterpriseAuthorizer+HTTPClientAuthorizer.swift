public import Foundation
public import MCP
import ZeroTouchCore
#if canImport(FoundationNetworking)
public import FoundationNetworking
#endif

/// Lets the swift-sdk's own `HTTPClientTransport` (URLSession, for platforms where it reads SSE)
/// use enterprise-managed authorization too (STYLE "About EnterpriseAuthorizer"). The URLSession
/// the SDK passes is not used: every OAuth request goes through this authorizer's HTTP client.
extension EnterpriseAuthorizer: HTTPClientAuthorizer {
    /// One re-authorization after a 401 and one step-up after a 403 (MCP 2025-11-25 "SHOULD limit retries").
    public var maxAuthorizationAttempts: Int { 2 }

    /// Requires https, or http on loopback (EMA-S §7.3).
    public func validateEndpointSecurity(for endpoint: URL) throws {
        try configuration.http.check(endpoint.absoluteString, what: "MCP server URL")
    }

    /// The cached token's header, when one is cached and not due for renewal.
    public func authorizationHeader(for endpoint: URL) -> String? {
        guard let context = contexts.peek(endpoint.absoluteString),
            let token = tokens.peek(TokenKey(issuer: context.issuer, resource: context.resource)),
            !token.needsRefresh(at: clock.now, margin: configuration.refreshMargin)
        else { return nil }
        return token.authorizationHeader
    }

    /// Renews a token due for renewal before a request; failures are left to the 401 path.
    public func prepareAuthorization(for endpoint: URL, session: URLSession) async throws {
        _ = try? await currentToken(for: endpoint.absoluteString)
    }

    /// Handles a 401 (discovery and a new token) or a 403 `insufficient_scope` (step-up).
    public func handleChallenge(
        statusCode: Int, headers: [String: String], endpoint: URL, operationKey: String?, session: URLSession
    ) async throws -> Bool {
        let values = headers.filter { $0.key.lowercased() == "www-authenticate" }.map(\.value)
        let challenge = BearerChallenge(headers: values)
        let url = endpoint.absoluteString
        let rejected = contexts.peek(url).flatMap { tokens.peek(TokenKey(issuer: $0.issuer, resource: $0.resource)) }
        switch statusCode {
        case 401:
            _ = try await tokenAfterUnauthorized(for: url, challenge: challenge, rejected: rejected)
            return true
        case 403:
            guard let challenge, challenge.error == .insufficientScope else { return false }
            _ = try await tokenAfterInsufficientScope(for: url, challenge: challenge, rejected: rejected)
            return true
        default:
            return false
        }
    }
}
