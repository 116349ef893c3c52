public import Foundation
public import ZeroTouchCore
import ZeroTouchOAuth

/// A client registration as an admin writes it (issue 3, item 3): no secret and no hash. For
/// `client_secret_basic`/`client_secret_post` the IdP generates the secret, stores only its hash and
/// shows it once (EMA-S §7.5.1).
public struct ClientDraft: Codable, Sendable, Equatable {
    public var id: ClientID
    public var name: String
    public var method: ClientAuthenticationMethod
    public var applicationType: ClientApplicationType?
    public var redirectURIs: [String]?
    /// The client's `client_id` at each MCP server's authorization server (ID-JAG §5).
    public var serverClientIDs: [MCPServerID: ClientID]?
    /// For `private_key_jwt`: an inline JWK Set, or …
    public var jwks: String?
    /// … the URL of the client's JWK Set.
    public var jwksURI: String?
    public var disabled: Bool?

    public init(
        id: ClientID, name: String, method: ClientAuthenticationMethod, applicationType: ClientApplicationType? = nil,
        redirectURIs: [String]? = nil, serverClientIDs: [MCPServerID: ClientID]? = nil, jwks: String? = nil, jwksURI: String? = nil,
        disabled: Bool? = nil
    ) {
        self.id = id
        self.name = name
        self.method = method
        self.applicationType = applicationType
        self.redirectURIs = redirectURIs
        self.serverClientIDs = serverClientIDs
        self.jwks = jwks
        self.jwksURI = jwksURI
        self.disabled = disabled
    }

    /// Whether the method authenticates with a shared secret.
    var usesSecret: Bool { method == .clientSecretBasic || method == .clientSecretPost }

    /// The registered client with `secretHash`.
    func client(secretHash: String?) -> RegisteredClient {
        RegisteredClient(
            id: id, name: name,
            credentials: ClientCredentials(
                clientID: id, method: method, secretHash: usesSecret ? secretHash : nil, jwks: jwks, jwksURI: jwksURI, isDisabled: disabled ?? false),
            applicationType: applicationType ?? .web, redirectURIs: redirectURIs ?? [], serverClientIDs: serverClientIDs ?? [:],
            createdAt: .distantPast)
    }
}

/// A client as the admin API and CLI show it: everything but the secret hash.
public struct ClientView: Codable, Sendable, Equatable {
    public var id: ClientID
    public var name: String
    public var method: ClientAuthenticationMethod
    public var applicationType: ClientApplicationType
    public var redirectURIs: [String]
    public var serverClientIDs: [MCPServerID: ClientID]
    public var jwks: String?
    public var jwksURI: String?
    public var disabled: Bool
    public var createdAt: Date

    public init(_ client: RegisteredClient) {
        id = client.id
        name = client.name
        method = client.credentials.method
        applicationType = client.applicationType
        redirectURIs = client.redirectURIs
        serverClientIDs = client.serverClientIDs
        jwks = client.credentials.jwks
        jwksURI = client.credentials.jwksURI
        disabled = client.isDisabled
        createdAt = client.createdAt
    }
}

/// A registered client and, when one was generated, its secret: shown once, never stored.
public struct RegisteredClientWithSecret: Codable, Sendable {
    public var client: ClientView
    public var clientSecret: String?
}

extension IdPRegistry {
    /// Registers `draft`, generating a secret for secret-based methods.
    /// - Throws: `IdPAdminError`; store errors.
    public func register(_ draft: ClientDraft, by actor: String) async throws -> RegisteredClientWithSecret {
        let secret = draft.usesSecret ? ClientSecret.generate() : nil
        let client = try await createClient(draft.client(secretHash: secret.map(ClientSecret.hash)), by: actor)
        return RegisteredClientWithSecret(client: ClientView(client), clientSecret: secret)
    }

    /// Replaces a client's registration from `draft`. The secret hash is kept while the method stays
    /// secret-based; a client switching to a secret-based method gets a new secret, returned once.
    /// - Throws: `IdPAdminError`; store errors.
    public func update(_ draft: ClientDraft, by actor: String) async throws -> RegisteredClientWithSecret {
        guard let existing = snapshot.client(draft.id) else { throw IdPAdminError.notFound(.client, id: draft.id.rawValue) }
        var secret: String?
        var hash = existing.credentials.secretHash
        if draft.usesSecret, hash == nil {
            secret = ClientSecret.generate()
            hash = secret.map(ClientSecret.hash)
        }
        let client = try await updateClient(draft.client(secretHash: hash), by: actor)
        return RegisteredClientWithSecret(client: ClientView(client), clientSecret: secret)
    }

    /// Gives a secret-based client a new secret (the old one stops working at once), returned once.
    /// - Throws: `IdPAdminError` (`notFound`; `invalidInput` for a client without a secret); store errors.
    public func rotateSecret(of id: ClientID, by actor: String) async throws -> RegisteredClientWithSecret {
        guard var client = snapshot.client(id) else { throw IdPAdminError.notFound(.client, id: id.rawValue) }
        guard client.credentials.method == .clientSecretBasic || client.credentials.method == .clientSecretPost else {
            throw IdPAdminError.invalidInput(field: "method", message: "the client does not authenticate with a secret")
        }
        let secret = ClientSecret.generate()
        client.credentials.secretHash = ClientSecret.hash(secret)
        let updated = try await updateClient(client, by: actor)
        return RegisteredClientWithSecret(client: ClientView(updated), clientSecret: secret)
    }
}
