/// The secrets made when the organization is seeded. They exist in memory only: the stores keep
/// bcrypt hashes of the passwords and salted hashes of the client secrets, so `zerotouch dev`
/// prints the passwords once and they can never be shown again (EMA-S §7.5.1, §7.5.4).
///
/// The `zerotouch` CLI's secrets are the exception that makes the CLI usable: they are written,
/// 0600, to the CLI profile in the data directory (`DevClientProfile`).
public struct DevCredentials: Sendable, CustomStringConvertible {
    /// Each account's password, by username.
    public var passwords: [String: String]
    /// Each TOTP-enrolled account's base32 secret (RFC 4648 §6), by username.
    public var totpSecrets: [String: String]
    /// The `otpauth://` URI of each TOTP secret, for an authenticator app.
    public var totpURIs: [String: String]
    /// The CLI's client secret at the IdP (token exchange, RFC 8693 §2.1 client authentication).
    public var cliSecretAtIdentityProvider: String
    /// The CLI's client secret at the authorization server (jwt-bearer grant, RFC 7523 §2.2).
    public var cliSecretAtAuthorizationServer: String

    /// Never the secrets.
    public var description: String { "DevCredentials(\(passwords.count) passwords, \(totpSecrets.count) TOTP secrets, CLI secrets)" }
}
