public import Foundation
public import ZeroTouchCore
import ZeroTouchJOSE

/// The client's registration with its IdP and with each MCP authorization server, as a JSON file
/// (0600) the administrator hands out — the shape `zerotouch dev` writes to `cli-profile.json`:
///
/// ```json
/// { "identity_provider": { "issuer": "https://idp.example", "client_id": "cli", "client_secret": "…" },
///   "authorization_servers": [ { "issuer": "https://as.example", "client_id": "cli", "client_secret": "…" } ] }
/// ```
///
/// Each endpoint may also name `token_endpoint`, `auth_method` (`client_secret_basic`,
/// `client_secret_post`, `private_key_jwt`, `none`) and `private_key_file` (a PKCS#8 PEM ES256 key
/// for `private_key_jwt`). Credentials stay keyed by issuer (checklist C-37).
public struct ClientProfile: Codable, Sendable, Equatable {
    /// One token endpoint's registration.
    public struct Endpoint: Codable, Sendable, Equatable {
        /// The server's issuer identifier (RFC 8414 §2).
        public var issuer: String
        /// This client's `client_id` there (RFC 6749 §2.2).
        public var clientID: String
        /// The client secret there, for `client_secret_basic`/`client_secret_post` (RFC 6749 §2.3.1).
        public var clientSecret: String?
        /// The token endpoint, when it is not to be read from the server's metadata.
        public var tokenEndpoint: String?
        /// The method to use instead of choosing from the metadata.
        public var authMethod: ClientAuthenticationMethod?
        /// A PKCS#8 PEM P-256 key for `private_key_jwt` (RFC 7523 §2.2).
        public var privateKeyFile: String?

        /// Creates an endpoint.
        public init(
            issuer: String, clientID: String, clientSecret: String? = nil, tokenEndpoint: String? = nil,
            authMethod: ClientAuthenticationMethod? = nil, privateKeyFile: String? = nil
        ) {
            self.issuer = issuer
            self.clientID = clientID
            self.clientSecret = clientSecret
            self.tokenEndpoint = tokenEndpoint
            self.authMethod = authMethod
            self.privateKeyFile = privateKeyFile
        }

        enum CodingKeys: String, CodingKey {
            case issuer
            case clientID = "client_id"
            case clientSecret = "client_secret"
            case tokenEndpoint = "token_endpoint"
            case authMethod = "auth_method"
            case privateKeyFile = "private_key_file"
        }

        /// The credential this endpoint describes.
        /// - Throws: `ZeroTouchClientError.configurationInvalid` when the private key cannot be read.
        public func credential() throws(ZeroTouchClientError) -> TokenEndpointCredential {
            var key: SigningKey?
            if let privateKeyFile {
                guard let pem = try? String(contentsOfFile: privateKeyFile, encoding: .utf8), let parsed = try? SigningKey(pem: pem, algorithm: .es256)
                else { throw ZeroTouchClientError(.configurationInvalid, "the private key in \(privateKeyFile) is not a PKCS#8 PEM P-256 key") }
                key = parsed
            }
            return TokenEndpointCredential(
                clientID: ClientID(clientID), secret: clientSecret.flatMap { $0.isEmpty ? nil : SecretValue($0) }, signingKey: key, method: authMethod)
        }
    }

    /// The IdP: sign-in and token exchange.
    public var identityProvider: Endpoint
    /// The MCP authorization servers: the jwt-bearer grant.
    public var authorizationServers: [Endpoint]

    /// Creates a profile.
    public init(identityProvider: Endpoint, authorizationServers: [Endpoint] = []) {
        self.identityProvider = identityProvider
        self.authorizationServers = authorizationServers
    }

    enum CodingKeys: String, CodingKey {
        case identityProvider = "identity_provider"
        case authorizationServers = "authorization_servers"
    }

    /// The credentials per authorization server issuer.
    /// - Throws: `ZeroTouchClientError.configurationInvalid`.
    public func authorizationServerCredentials() throws(ZeroTouchClientError) -> AuthorizationServerCredentials {
        var credentials = AuthorizationServerCredentials()
        for endpoint in authorizationServers { credentials[Issuer(endpoint.issuer)] = try endpoint.credential() }
        return credentials
    }

    /// Reads a profile file; it must not be readable by others (it holds client secrets, C-35).
    /// - Throws: `ZeroTouchClientError.configurationInvalid` or `.credentialStoreFailed`.
    public static func load(from url: URL) throws(ZeroTouchClientError) -> ClientProfile? {
        let data: Data
        do {
            guard let contents = try PrivateFile.read(url) else { return nil }
            data = contents
        } catch {
            throw ZeroTouchClientError(.credentialStoreFailed, error.description, url: url.path)
        }
        do {
            return try JSONDecoder().decode(ClientProfile.self, from: data)
        } catch {
            throw ZeroTouchClientError(
                .configurationInvalid, "the profile is not valid: \(ZeroTouchClientError.printable(String(describing: error)))", url: url.path)
        }
    }

    /// Writes the profile with mode 0600.
    /// - Throws: `ZeroTouchClientError.credentialStoreFailed`.
    public func save(to url: URL) throws(ZeroTouchClientError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        do {
            try PrivateFile.write(try encoder.encode(self), to: url)
        } catch let error as PrivateFile.Failure {
            throw ZeroTouchClientError(.credentialStoreFailed, error.description, url: url.path)
        } catch {
            throw ZeroTouchClientError(.credentialStoreFailed, "the profile could not be encoded", url: url.path)
        }
    }
}
