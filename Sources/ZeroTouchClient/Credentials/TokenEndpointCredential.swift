public import ZeroTouchCore
public import ZeroTouchJOSE

/// What this client presents to authenticate at one token endpoint (RFC 6749 §2.3, RFC 7523 §2.2):
/// its `client_id` there and a secret, a private key, or neither.
///
/// Credentials belong to one server: those for an MCP authorization server are looked up by its
/// issuer and never sent to another (MCP 2026-07-28 "Authorization Server Binding", checklist C-37).
public struct TokenEndpointCredential: Sendable, CustomStringConvertible {
    /// The `client_id` registered at that server.
    public var clientID: ClientID
    /// The client secret, for `client_secret_basic` and `client_secret_post`.
    public var secret: SecretValue?
    /// The private key, for `private_key_jwt` (RFC 7523 §2.2); ES256 by default.
    public var signingKey: SigningKey?
    /// The method to use regardless of what the server's metadata lists; `nil` chooses from the metadata.
    public var method: ClientAuthenticationMethod?

    /// Creates a credential.
    public init(clientID: ClientID, secret: SecretValue? = nil, signingKey: SigningKey? = nil, method: ClientAuthenticationMethod? = nil) {
        self.clientID = clientID
        self.secret = secret
        self.signingKey = signingKey
        self.method = method
    }

    /// The method to use at a server whose metadata lists `offered` (RFC 8414 §2
    /// `token_endpoint_auth_methods_supported`; absent means `client_secret_basic`).
    ///
    /// An explicit `method` wins. Otherwise, in order: `private_key_jwt` when there is a key and it
    /// is offered (the stronger method, EMA-S §7.5.1); `client_secret_basic` when there is a secret
    /// and it is offered (the default, and the only method the conformance suite accepts);
    /// `client_secret_post`; `none` when there is neither secret nor key.
    /// - Returns: `nil` when nothing this credential can do is offered.
    public func method(offered: [String]?) -> ClientAuthenticationMethod? {
        if let method { return method }
        let offered = offered ?? [ClientAuthenticationMethod.clientSecretBasic.rawValue]
        func isOffered(_ method: ClientAuthenticationMethod) -> Bool { offered.contains(method.rawValue) }
        if signingKey != nil, isOffered(.privateKeyJWT) { return .privateKeyJWT }
        if secret != nil {
            if isOffered(.clientSecretBasic) { return .clientSecretBasic }
            if isOffered(.clientSecretPost) { return .clientSecretPost }
        }
        if secret == nil, signingKey == nil { return ClientAuthenticationMethod.none }
        return nil
    }

    /// The client id and which kinds of material are present; never the secret or the key.
    public var description: String {
        "client_id \(clientID)" + (secret != nil ? " with secret" : "") + (signingKey != nil ? " with key \(signingKey!.keyID)" : "")
    }
}
