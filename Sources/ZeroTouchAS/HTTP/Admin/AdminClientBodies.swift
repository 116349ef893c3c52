import Foundation
import ZeroTouchCore
import ZeroTouchOAuth

/// The admin API's body for registering or replacing a client (RFC 7591 §2 member names).
struct ClientRegistrationBody: Decodable, Sendable {
    var clientID: ClientID
    var method: ClientAuthenticationMethod?
    /// A secret to set; when absent for a secret method, one is generated and returned once.
    var clientSecret: String?
    var jwks: JSONValue?
    var jwksURI: String?
    var allowedResources: [ResourceIdentifier]
    var name: String?
    var disabled: Bool?

    enum CodingKeys: String, CodingKey {
        case clientID = "client_id"
        case method = "token_endpoint_auth_method"
        case clientSecret = "client_secret"
        case jwks
        case jwksURI = "jwks_uri"
        case allowedResources = "allowed_resources"
        case name
        case disabled
    }

    /// The registration, with the secret to show (generated when needed); only the hash is kept.
    /// - Throws: `ASRegistryError.invalid` for a JWKS that cannot be encoded.
    func registration() throws -> (client: RegisteredClient, secret: String?) {
        let method = method ?? .clientSecretBasic
        var secret: String?
        if method == .clientSecretBasic || method == .clientSecretPost { secret = clientSecret ?? ClientSecret.generate() }
        let jwksText = try jwks.map { value throws -> String in
            guard let text = String(data: try DocumentCoding.encoder.encode(value), encoding: .utf8) else {
                throw ASRegistryError.invalid("jwks")
            }
            return text
        }
        let credentials = ClientCredentials(
            clientID: clientID, method: method, secretHash: secret.map(ClientSecret.hash), jwks: jwksText, jwksURI: jwksURI,
            isDisabled: disabled ?? false)
        return (RegisteredClient(credentials: credentials, allowedResources: allowedResources, name: name), clientSecret == nil ? secret : nil)
    }
}

/// A client as the admin API shows it: never the secret hash; the secret only right after it was generated.
struct ClientView: Encodable, Sendable {
    var clientID: String
    var method: String
    var allowedResources: [String]
    var disabled: Bool
    var name: String?
    var jwksURI: String?
    var hasJWKS: Bool
    var clientSecret: String?

    init(_ client: RegisteredClient, generatedSecret: String? = nil) {
        clientID = client.id.rawValue
        method = client.credentials.method.rawValue
        allowedResources = client.allowedResources.map(\.rawValue)
        disabled = client.isDisabled
        name = client.name
        jwksURI = client.credentials.jwksURI
        hasJWKS = client.credentials.jwks != nil
        clientSecret = generatedSecret
    }

    enum CodingKeys: String, CodingKey {
        case clientID = "client_id"
        case method = "token_endpoint_auth_method"
        case allowedResources = "allowed_resources"
        case disabled
        case name
        case jwksURI = "jwks_uri"
        case hasJWKS = "has_jwks"
        case clientSecret = "client_secret"
    }
}
