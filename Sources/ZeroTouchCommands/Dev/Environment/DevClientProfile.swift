public import Foundation
public import ZeroTouchClient
import ZeroTouchCore
public import ZeroTouchStorage

/// The `zerotouch` CLI's profile for the dev organization (`ClientProfile`): the IdP, the
/// authorization server and the CLI's client id and secret at each, written once at seeding to
/// `<data-dir>/cli-profile.json` with mode 0600 in the 0700 data directory, like the signing keys
/// the database holds there. The stores keep only hashes of the secrets. `zerotouch login
/// --profile <data-dir>/cli-profile.json` reads it.
public struct DevClientProfile: Sendable {
    /// The profile file.
    public let fileURL: URL

    /// The file name inside the data directory.
    public static let fileName = "cli-profile.json"

    /// The profile of the data directory `directory`.
    public init(directory: DataDirectory) {
        fileURL = directory.url.appendingPathComponent(Self.fileName)
    }

    /// The profile at `fileURL`.
    public init(fileURL: URL) { self.fileURL = fileURL }

    /// Writes the profile (0600).
    /// - Throws: `ZeroTouchClientError.credentialStoreFailed`.
    func write(topology: DevTopology, credentials: DevCredentials) throws {
        let clientID = DevOrganization.cliClientID
        let profile = ClientProfile(
            identityProvider: ClientProfile.Endpoint(
                issuer: topology.identityProviderIssuer.rawValue, clientID: clientID, clientSecret: credentials.cliSecretAtIdentityProvider),
            authorizationServers: [
                ClientProfile.Endpoint(
                    issuer: topology.authorizationServerIssuer.rawValue, clientID: clientID,
                    clientSecret: credentials.cliSecretAtAuthorizationServer)
            ])
        try profile.save(to: fileURL)
    }

    /// Reads the profile.
    /// - Throws: `ZeroTouchClientError`, also when the file is missing.
    public func read() throws -> ClientProfile {
        guard let profile = try ClientProfile.load(from: fileURL) else {
            throw ZeroTouchClientError(.configurationInvalid, "no CLI profile at \(fileURL.path)")
        }
        return profile
    }
}
