public import ZeroTouchCore

/// A client allowed to redeem ID-JAGs here: how it authenticates (RFC 6749 §2.3, RFC 7523 §2.2)
/// and which resources it may obtain tokens for (EMA-S §7.6: `aud` and `resource` are a bound pair).
public struct RegisteredClient: Codable, Sendable, Equatable, Identifiable, CustomStringConvertible {
    /// The credentials checked by `ClientAuthenticator`: method, secret hash or keys, disabled flag.
    public var credentials: ClientCredentials
    /// The resources this client may obtain access tokens for.
    public var allowedResources: [ResourceIdentifier]
    /// A name for administrators.
    public var name: String?

    /// Creates a client registration.
    public init(credentials: ClientCredentials, allowedResources: [ResourceIdentifier], name: String? = nil) {
        self.credentials = credentials
        self.allowedResources = allowedResources
        self.name = name
    }

    /// The client's identifier (RFC 6749 §2.2).
    public var id: ClientID { credentials.clientID }
    /// Whether the client is disabled: it then fails authentication and its tokens introspect as inactive.
    public var isDisabled: Bool {
        get { credentials.isDisabled }
        set { credentials.isDisabled = newValue }
    }

    /// Whether the client may obtain tokens for `resource`.
    public func allows(_ resource: ResourceIdentifier) -> Bool { allowedResources.contains(resource) }

    /// Checks the registration before it is stored.
    /// - Throws: `ASRegistryError.invalid` naming the problem.
    public func validate() throws(ASRegistryError) {
        guard !id.rawValue.isEmpty, id.rawValue.utf8.count <= 255 else { throw .invalid("client_id must be 1–255 bytes") }
        switch credentials.method {
        case .clientSecretBasic, .clientSecretPost:
            guard credentials.secretHash != nil else { throw .invalid("a secret hash is required for \(credentials.method.rawValue)") }
        case .privateKeyJWT:
            guard credentials.jwks != nil || credentials.jwksURI != nil else {
                throw .invalid("private_key_jwt needs a JWKS or a jwks_uri")
            }
        case .none:
            throw .invalid("public clients may not use the jwt-bearer grant (decisions X-6)")
        }
    }

    /// A log-safe summary (never the secret hash).
    public var description: String {
        "RegisteredClient(\(id), method: \(credentials.method.rawValue), resources: \(allowedResources.count), disabled: \(isDisabled))"
    }

    enum CodingKeys: String, CodingKey {
        case credentials
        case allowedResources = "allowed_resources"
        case name
    }
}
