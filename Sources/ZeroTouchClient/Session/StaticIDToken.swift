import Foundation

/// An ID token handed over as is, for scripts and test harnesses: read from a file
/// (`--id-token-file`) or the environment, the way the conformance suite passes `idp_id_token`.
/// It is not renewed; when it expires the IdP refuses the exchange.
public struct StaticIDToken: IdentityAssertionSource {
    private let token: SecretValue

    /// Wraps `token` (surrounding whitespace is removed).
    public init(_ token: String) { self.token = SecretValue(token.trimmingCharacters(in: .whitespacesAndNewlines)) }

    /// The token as given.
    public func idToken() async throws(ZeroTouchClientError) -> SecretValue { token }
}
