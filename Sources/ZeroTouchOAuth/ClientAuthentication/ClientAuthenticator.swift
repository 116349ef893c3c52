public import ZeroTouchCore

/// A client whose credentials were checked at a token endpoint.
public struct AuthenticatedClient: Sendable, Equatable {
    public let clientID: ClientID
    public let method: ClientAuthenticationMethod

    /// Made only by `ClientAuthenticator` (and tests through `@testable`).
    package init(clientID: ClientID, method: ClientAuthenticationMethod) {
        self.clientID = clientID
        self.method = method
    }
}

/// Checks a `private_key_jwt` client assertion (RFC 7523 §2.2, §3).
public protocol ClientAssertionValidator: Sendable {
    /// Verifies `assertion` and returns the registered credentials of the client it authenticates.
    /// - Parameters:
    ///   - assertion: the compact JWT from `client_assertion`.
    ///   - claimedClientID: the `client_id` form parameter, if sent; must equal the assertion's `sub`.
    ///   - registry: where to find the client's keys.
    /// - Throws: `ClientAuthenticationRejection`, or an operational error.
    func validate(_ assertion: String, claimedClientID: ClientID?, registry: any ClientCredentialsProvider) async throws -> ClientCredentials
}

/// Authenticates the client of a token-endpoint request (RFC 6749 §2.3), shared by the IdP and
/// the authorization server: `client_secret_basic`, `client_secret_post`, `private_key_jwt`, and
/// public clients only where registered as such. Exactly one method per request, and it must be
/// the one the client is registered for.
public struct ClientAuthenticator: Sendable {
    private let registry: any ClientCredentialsProvider
    private let assertionValidator: (any ClientAssertionValidator)?

    /// - Parameters:
    ///   - registry: the registered clients.
    ///   - assertionValidator: checks `private_key_jwt`; without one that method is refused.
    public init(registry: any ClientCredentialsProvider, assertionValidator: (any ClientAssertionValidator)? = nil) {
        self.registry = registry
        self.assertionValidator = assertionValidator
    }

    /// Authenticates the client of a request.
    /// - Parameters:
    ///   - form: the parsed body.
    ///   - authorization: the `Authorization` header, if any.
    /// - Returns: the authenticated client.
    /// - Throws: `ClientAuthenticationError` (its `oauthError` is the response), or an
    ///   operational error from the registry (a 500, never an authentication).
    public func authenticate(form: URLEncodedForm, authorization: String?) async throws -> AuthenticatedClient {
        do {
            return try await check(form: form, authorization: authorization)
        } catch let rejection as ClientAuthenticationRejection {
            throw ClientAuthenticationError(rejection, usedAuthorizationHeader: authorization != nil)
        }
    }

    private func check(form: URLEncodedForm, authorization: String?) async throws -> AuthenticatedClient {
        let presented = try PresentedClientCredentials(form: form, authorization: authorization)
        switch presented {
        case .basic(let id, let secret), .post(let id, let secret):
            let registered = try await registeredCredentials(id, using: presented.method)
            guard let hash = registered.secretHash, ClientSecret.verify(secret, against: hash) else {
                throw ClientAuthenticationRejection.wrongSecret(id)
            }
            return AuthenticatedClient(clientID: id, method: presented.method)
        case .assertion(let claimed, let assertion):
            guard let assertionValidator else {
                throw ClientAuthenticationRejection.invalidAssertion(claimed, reason: "private_key_jwt is not enabled")
            }
            let registered = try await assertionValidator.validate(assertion, claimedClientID: claimed, registry: registry)
            try Self.check(registered, allows: .privateKeyJWT)
            return AuthenticatedClient(clientID: registered.clientID, method: .privateKeyJWT)
        case .publicClient(let id):
            _ = try await registeredCredentials(id, using: .none)
            return AuthenticatedClient(clientID: id, method: .none)
        }
    }

    private func registeredCredentials(_ id: ClientID, using method: ClientAuthenticationMethod) async throws -> ClientCredentials {
        guard let registered = try await registry.credentials(for: id) else {
            if method == .clientSecretBasic || method == .clientSecretPost {
                // Spend the same work as a real check so timing does not reveal unknown ids.
                _ = ClientSecret.verify("", against: Self.dummyHash)
            }
            throw ClientAuthenticationRejection.unknownClient(id)
        }
        try Self.check(registered, allows: method)
        return registered
    }

    private static func check(_ registered: ClientCredentials, allows method: ClientAuthenticationMethod) throws(ClientAuthenticationRejection) {
        guard !registered.isDisabled else { throw .disabled(registered.clientID) }
        guard registered.method == method else {
            if registered.method != .none && method == .none { throw .missingCredentials }
            throw .methodNotAllowed(registered.clientID, registered: registered.method, used: method)
        }
    }

    private static let dummyHash = ClientSecret.hash(ClientSecret.generate())
}
