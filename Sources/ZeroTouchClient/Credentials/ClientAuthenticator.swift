import Foundation
import NIOHTTP1
import ZeroTouchCore
import ZeroTouchJOSE

/// Adds client authentication to a token request (RFC 6749 §2.3.1, RFC 7523 §2.2), for one method.
struct ClientAuthenticator: Sendable {
    var credential: TokenEndpointCredential
    var method: ClientAuthenticationMethod
    /// The `aud` of a `private_key_jwt` assertion: the server's issuer identifier (RFC 7523 §3 item 3).
    var audience: String
    var clock: any WallClock

    /// Chooses the method for `credential` at a server offering `offered`.
    /// - Throws: `ZeroTouchClientError.configurationInvalid` when nothing fits.
    init(credential: TokenEndpointCredential, offered: [String]?, audience: String, clock: any WallClock) throws(ZeroTouchClientError) {
        guard let method = credential.method(offered: offered) else {
            throw ZeroTouchClientError(
                .configurationInvalid,
                "\(audience) offers client authentication \((offered ?? []).joined(separator: ", ")), which the credential for \(credential.clientID) cannot do",
                nextStep: "Configure a client secret or a private key for this server")
        }
        self.credential = credential
        self.method = method
        self.audience = audience
        self.clock = clock
    }

    /// Adds the credentials to `parameters` and `headers`.
    /// - Throws: `ZeroTouchClientError.configurationInvalid` when the method needs material the
    ///   credential lacks, or the assertion cannot be signed.
    func apply(to parameters: inout [(String, String)], headers: inout HTTPHeaders) throws(ZeroTouchClientError) {
        let clientID = credential.clientID.rawValue
        switch method {
        case .clientSecretBasic:
            let secret = try requireSecret()
            // RFC 6749 §2.3.1: both parts form-encoded before base64.
            let pair = URLEncodedForm.encode(clientID) + ":" + URLEncodedForm.encode(secret.revealed)
            headers.replaceOrAdd(name: "Authorization", value: "Basic " + Data(pair.utf8).base64EncodedString())
        case .clientSecretPost:
            let secret = try requireSecret()
            parameters.append(("client_id", clientID))
            parameters.append(("client_secret", secret.revealed))
        case .privateKeyJWT:
            parameters.append(("client_id", clientID))
            parameters.append(("client_assertion_type", ClientAssertionType.jwtBearer.rawValue))
            parameters.append(("client_assertion", try makeAssertion()))
        case .none:
            parameters.append(("client_id", clientID))
        }
    }

    private func requireSecret() throws(ZeroTouchClientError) -> SecretValue {
        // An empty secret trips `invalid_client` on strict servers: never send one.
        guard let secret = credential.secret, !secret.revealed.isEmpty else {
            throw ZeroTouchClientError(.configurationInvalid, "\(method.rawValue) needs a client secret for \(credential.clientID)")
        }
        return secret
    }

    /// A client assertion (RFC 7523 §3): `iss` = `sub` = client id, `aud` = the server, 60 s lifetime, fresh `jti`.
    private func makeAssertion() throws(ZeroTouchClientError) -> String {
        guard let key = credential.signingKey else {
            throw ZeroTouchClientError(.configurationInvalid, "private_key_jwt needs a private key for \(credential.clientID)")
        }
        let now = Int64(clock.now.timeIntervalSince1970)
        let claims: [String: JSONValue] = [
            "iss": .string(credential.clientID.rawValue), "sub": .string(credential.clientID.rawValue),
            "aud": .string(audience), "iat": .integer(now), "exp": .integer(now + 60),
            "jti": .string(UUID().uuidString.lowercased()),
        ]
        do {
            return try key.sign(claims, type: "JWT")
        } catch {
            throw ZeroTouchClientError(.configurationInvalid, "the client assertion could not be signed: \(error)")
        }
    }
}
