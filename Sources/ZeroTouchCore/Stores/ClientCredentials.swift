/// How a registered client proves its identity at a token endpoint (RFC 6749 §2.3, RFC 7523 §2.2).
public struct ClientCredentials: Codable, Sendable, Equatable {
    public var clientID: ClientID
    /// The single method this client must use.
    public var method: ClientAuthenticationMethod
    /// For `client_secret_basic` and `client_secret_post`: the secret's hash, never the secret.
    public var secretHash: String?
    /// For `private_key_jwt`: the client's public keys as a JWKS JSON document.
    public var jwks: String?
    /// For `private_key_jwt`: where to fetch the client's JWKS when `jwks` is not given.
    public var jwksURI: String?
    /// A disabled client fails authentication.
    public var isDisabled: Bool

    public init(clientID: ClientID, method: ClientAuthenticationMethod, secretHash: String? = nil, jwks: String? = nil, jwksURI: String? = nil, isDisabled: Bool = false) {
        self.clientID = clientID
        self.method = method
        self.secretHash = secretHash
        self.jwks = jwks
        self.jwksURI = jwksURI
        self.isDisabled = isDisabled
    }
}

/// Finds a client's registered credentials. Each role implements it over its own client registry.
public protocol ClientCredentialsProvider: Sendable {
    /// The credentials of `clientID`, or `nil` if no such client is registered.
    func credentials(for clientID: ClientID) async throws -> ClientCredentials?
}
