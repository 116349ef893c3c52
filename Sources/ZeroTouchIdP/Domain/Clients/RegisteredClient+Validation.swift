import Foundation
import ZeroTouchCore

extension RegisteredClient {
    /// The most redirect URIs one client may register.
    public static let maximumRedirectURICount = 20
    /// The largest inline JWKS accepted.
    public static let maximumJWKSLength = 64 * 1024

    /// Checks every field against the catalog and the endpoint policy.
    /// - Throws: `IdPAdminError.invalidInput`, or `.notFound` for a server missing from the catalog.
    func validate(in snapshot: IdPSnapshot, endpointPolicy: EndpointPolicy) throws(IdPAdminError) {
        try AdminValidation.identifier(id.rawValue, field: "id")
        guard !AdminConsoleClient.isConsole(id) else { throw .invalidInput(field: "id", message: "'\(id.rawValue)' is reserved for the admin console") }
        try AdminValidation.name(name, field: "name")
        guard credentials.clientID == id else { throw .invalidInput(field: "credentials.clientID", message: "must equal the client's id") }
        try validateCredentials(endpointPolicy: endpointPolicy)
        try AdminValidation.list(redirectURIs, field: "redirectURIs", maximum: Self.maximumRedirectURICount)
        for uri in redirectURIs {
            // RFC 6749 §3.1.2: absolute, no fragment; decisions X-11: https, or http on loopback only.
            guard uri.utf8.count <= Self.maximumRedirectURILength, endpointPolicy.allows(uri) else {
                throw .invalidInput(
                    field: "redirectURIs", message: "'\(uri.prefix(100))' must be an absolute https URI (http only on loopback) without fragment")
            }
        }
        guard serverClientIDs.count <= AdminValidation.maximumListCount else {
            throw .invalidInput(field: "serverClientIDs", message: "must have at most \(AdminValidation.maximumListCount) entries")
        }
        for (server, clientID) in serverClientIDs {
            guard snapshot.server(server) != nil else { throw .notFound(.server, id: server.rawValue) }
            try AdminValidation.identifier(clientID.rawValue, field: "serverClientIDs")
        }
    }

    /// The credential fields each method needs, and no others (RFC 6749 §2.3, RFC 7523 §2.2).
    private func validateCredentials(endpointPolicy: EndpointPolicy) throws(IdPAdminError) {
        let hasSecret = credentials.secretHash != nil
        let hasKeys = credentials.jwks != nil || credentials.jwksURI != nil
        switch credentials.method {
        case .none:
            guard !hasSecret && !hasKeys else {
                throw .invalidInput(field: "credentials", message: "a public client has no secret and no keys")
            }
        case .clientSecretBasic, .clientSecretPost:
            guard let hash = credentials.secretHash, !hasKeys else {
                throw .invalidInput(field: "credentials.secretHash", message: "a secret client needs a secret hash and no keys")
            }
            // A stored hash names its scheme before a `$`; a generated secret (base64url) never contains one.
            guard !hash.isEmpty, hash.utf8.count <= 512, hash.contains("$") else {
                throw .invalidInput(field: "credentials.secretHash", message: "must be a secret hash, never the secret")
            }
        case .privateKeyJWT:
            guard !hasSecret, (credentials.jwks == nil) != (credentials.jwksURI == nil) else {
                throw .invalidInput(field: "credentials", message: "private_key_jwt needs exactly one of jwks and jwksURI, and no secret")
            }
            if let jwks = credentials.jwks { try Self.validateJWKS(jwks) }
            if let uri = credentials.jwksURI {
                guard uri.utf8.count <= Self.maximumRedirectURILength, endpointPolicy.allows(uri) else {
                    throw .invalidInput(field: "credentials.jwksURI", message: "must be an https URI (http only on loopback)")
                }
            }
        }
    }

    /// A JWK Set is a JSON object with a `keys` array (RFC 7517 §5). Keys themselves are checked when used.
    private static func validateJWKS(_ jwks: String) throws(IdPAdminError) {
        guard jwks.utf8.count <= maximumJWKSLength,
            let object = try? JSONSerialization.jsonObject(with: Data(jwks.utf8)) as? [String: Any],
            let keys = object["keys"] as? [Any], !keys.isEmpty
        else {
            throw .invalidInput(field: "credentials.jwks", message: "must be a JWK Set (RFC 7517 §5) of at most 64 KiB with at least one key")
        }
    }
}
