import Foundation
import Logging
import ZeroTouchClient
import ZeroTouchCore

/// The client library wired from the profile, the environment and the per-user files
/// (`$XDG_CONFIG_HOME/zerotouch`, else `~/.config/zerotouch`): `profile.json` and `credentials.json`, both 0600.
struct ClientEnvironment {
    let options: ClientOptions
    let environment: [String: String]
    let profile: ClientProfile
    /// `--id-token-file`, for the commands that take it.
    var idTokenFile: String?

    /// The directory of the saved profile and the session.
    static func directory(_ environment: [String: String]) -> URL { CredentialStore.configurationDirectory(environment: environment) }
    /// Where `zerotouch login` saves the profile it used.
    static func savedProfileURL(_ environment: [String: String]) -> URL { directory(environment).appendingPathComponent("profile.json") }

    /// Loads the profile: `--profile`, else `$ZEROTOUCH_PROFILE`, else the saved one.
    /// - Throws: `ZeroTouchClientError.notLoggedIn` when there is none.
    init(options: ClientOptions, environment: [String: String] = CommandIO.current.environment) throws(ZeroTouchClientError) {
        self.options = options
        self.environment = environment
        let path = options.profile ?? environment["ZEROTOUCH_PROFILE"]
        let url = path.map { URL(fileURLWithPath: $0) } ?? Self.savedProfileURL(environment)
        guard let profile = try ClientProfile.load(from: url) else {
            throw ZeroTouchClientError(
                path == nil ? .notLoggedIn : .configurationInvalid, path == nil ? "you are not logged in" : "no profile at \(url.path)",
                nextStep: "Run `zerotouch login --profile <file>` (or with --idp and --client-id)")
        }
        self.profile = profile
    }

    init(options: ClientOptions, environment: [String: String], profile: ClientProfile) {
        self.options = options
        self.environment = environment
        self.profile = profile
    }

    var endpointPolicy: EndpointPolicy { EndpointPolicy(allowInsecureNonLoopbackHTTP: options.allowsInsecureHTTP) }
    var store: CredentialStore { CredentialStore.standard(environment: environment) }
    var issuer: Issuer { Issuer(profile.identityProvider.issuer) }

    var logger: Logger {
        var logger = Logger(label: "zerotouch.client")
        logger.logLevel = .error
        return logger
    }

    func signOn() throws(ZeroTouchClientError) -> SingleSignOn {
        SingleSignOn(settings: LoginSettings(issuer: issuer, credential: try profile.identityProvider.credential(), endpointPolicy: endpointPolicy))
    }

    func session() throws(ZeroTouchClientError) -> IdentitySession { IdentitySession(store: store, signOn: try signOn()) }

    /// The ID token of `--id-token-file` (or `$ZEROTOUCH_ID_TOKEN_FILE`), for scripts, like the
    /// conformance suite's `idp_id_token`; `nil` when the stored sign-in is used.
    func staticIDToken() throws(ZeroTouchClientError) -> StaticIDToken? {
        guard let path = idTokenFile ?? environment["ZEROTOUCH_ID_TOKEN_FILE"] else { return nil }
        guard let token = try? String(contentsOfFile: path, encoding: .utf8), !token.isEmpty else {
            throw ZeroTouchClientError(.configurationInvalid, "cannot read an ID token from \(path)")
        }
        return StaticIDToken(token)
    }

    func connector(session: any IdentityAssertionSource) throws(ZeroTouchClientError) -> MCPConnector {
        let configuration = EnterpriseAuthorizationConfiguration(
            identityProvider: IdentityProviderSettings(
                issuer: issuer, tokenEndpoint: profile.identityProvider.tokenEndpoint, credential: try profile.identityProvider.credential()),
            authorizationServers: try profile.authorizationServerCredentials(), endpointPolicy: endpointPolicy)
        let authorizer = EnterpriseAuthorizer(configuration: configuration, identity: session, logger: logger)
        return MCPConnector(authorizer: authorizer, clientName: "zerotouch", clientVersion: ZeroTouchVersion.current)
    }

    var catalog: ServerCatalogClient { ServerCatalogClient(issuer: issuer, endpointPolicy: endpointPolicy) }

    /// Every server of the user's catalog, connected (the caller closes the connections).
    func connectAll() async throws(ZeroTouchClientError) -> [ServerReport] {
        if try staticIDToken() != nil {
            throw ZeroTouchClientError(
                .configurationInvalid, "the server catalog needs a sign-in, not an ID token file",
                nextStep: "Run `zerotouch login`, or name a server by its URL")
        }
        let session = try session()
        return try await connector(session: session).connectToCatalog(catalog, session: session)
    }

    /// One server: a catalog name, or a URL (`http(s)://…`) for a server outside the catalog.
    func connect(to server: String) async throws(ZeroTouchClientError) -> MCPConnection {
        let isURL = server.hasPrefix("https://") || server.hasPrefix("http://")
        if let token = try staticIDToken() {
            guard isURL else {
                throw ZeroTouchClientError(
                    .configurationInvalid, "with an ID token file, name the server by its URL", nextStep: "Pass the MCP server URL instead of '\(server)'")
            }
            return try await connector(session: token).connect(to: server)
        }
        let session = try session()
        let connector = try connector(session: session)
        if isURL { return try await connector.connect(to: server) }
        let entries = try await catalog.servers(accessToken: session.catalogAccessToken())
        guard let entry = entries.first(where: { $0.name == server }) ?? entries.first(where: { $0.name.lowercased() == server.lowercased() }) else {
            throw ZeroTouchClientError(
                .serverNotFound, "no server named '\(server)' in your catalog (\(entries.map(\.name).joined(separator: ", ")))",
                nextStep: "Run `zerotouch servers` to see the servers you may use")
        }
        return try await connector.connect(to: entry.endpoint)
    }
}
