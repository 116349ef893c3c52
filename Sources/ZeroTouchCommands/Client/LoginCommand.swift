import ArgumentParser
import Foundation
import ZeroTouchClient
import ZeroTouchCore

/// `zerotouch login`: signs in once at the enterprise IdP (OpenID Connect, PKCE, loopback redirect).
struct LoginCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "login",
        abstract: "Sign in at your organization's identity provider.",
        discussion: """
            Opens the system browser at the IdP (or prints the URL with --no-browser) and waits for \
            the redirect to a one-time listener on 127.0.0.1. The profile (IdP and authorization \
            server credentials) comes from --profile, $ZEROTOUCH_PROFILE, or --idp/--client-id with \
            the secret in --client-secret-file or $ZEROTOUCH_CLIENT_SECRET; it is saved for the \
            other commands. The session goes to $XDG_CONFIG_HOME/zerotouch/credentials.json (0600).
            """
    )

    @OptionGroup var options: ClientOptions

    @Option(name: .long, help: "The IdP's issuer URL (default: the profile's, or $ZEROTOUCH_IDP).")
    var idp: String?

    @Option(name: .long, help: "This client's client_id at the IdP (default: the profile's, or $ZEROTOUCH_CLIENT_ID).")
    var clientID: String?

    @Option(name: .long, help: "A file holding the client secret at the IdP (default: $ZEROTOUCH_CLIENT_SECRET).")
    var clientSecretFile: String?

    @Flag(name: .long, help: "Print the sign-in URL instead of opening a browser.")
    var noBrowser = false

    func run() async throws {
        try await ClientOutput.run(json: options.json) {
            let io = CommandIO.current
            let profile = try resolveProfile(io.environment)
            let environment = ClientEnvironment(options: options, environment: io.environment, profile: profile)
            let noBrowser = self.noBrowser
            let credentials = try await environment.signOn().logIn { url in
                if noBrowser || !BrowserLauncher.openSystemBrowser(url) {
                    io.writeError("Open this URL in your browser to sign in:\n  \(url.absoluteString)")
                } else {
                    io.writeError("Your browser was opened to sign in. If it did not open, visit:\n  \(url.absoluteString)")
                }
            }
            try environment.store.save(credentials)
            try profile.save(to: ClientEnvironment.savedProfileURL(io.environment))
            let identity = credentials.identity
            if options.json {
                io.writeOutput(ClientOutput.encode(WhoAmICommand.object(credentials)))
            } else {
                io.writeOutput("Logged in as \(WhoAmICommand.name(identity)) at \(credentials.issuer).")
            }
        }
    }

    /// The profile from `--profile`/`$ZEROTOUCH_PROFILE`, then the saved one, with the flags and environment on top.
    private func resolveProfile(_ environment: [String: String]) throws(ZeroTouchClientError) -> ClientProfile {
        let path = options.profile ?? environment["ZEROTOUCH_PROFILE"]
        var profile = try path.map { (path) throws(ZeroTouchClientError) in
            guard let profile = try ClientProfile.load(from: URL(fileURLWithPath: path)) else {
                throw ZeroTouchClientError(.configurationInvalid, "no profile at \(path)", nextStep: "Check the --profile path")
            }
            return profile
        }
        if profile == nil, idp == nil, environment["ZEROTOUCH_IDP"] == nil {
            profile = try ClientProfile.load(from: ClientEnvironment.savedProfileURL(environment))
        }
        guard let issuer = idp ?? environment["ZEROTOUCH_IDP"] ?? profile?.identityProvider.issuer,
            let clientID = clientID ?? environment["ZEROTOUCH_CLIENT_ID"] ?? profile?.identityProvider.clientID
        else {
            throw ZeroTouchClientError(
                .configurationInvalid, "the IdP and the client id are unknown",
                nextStep: "Pass --profile <file>, or --idp <url> --client-id <id> with $ZEROTOUCH_CLIENT_SECRET")
        }
        var endpoint = profile?.identityProvider ?? ClientProfile.Endpoint(issuer: issuer, clientID: clientID)
        if endpoint.issuer != issuer || endpoint.clientID != clientID {
            endpoint = ClientProfile.Endpoint(issuer: issuer, clientID: clientID)
        }
        if let secret = try secret(environment) { endpoint.clientSecret = secret }
        return ClientProfile(identityProvider: endpoint, authorizationServers: profile?.authorizationServers ?? [])
    }

    private func secret(_ environment: [String: String]) throws(ZeroTouchClientError) -> String? {
        if let clientSecretFile {
            guard let text = try? String(contentsOfFile: clientSecretFile, encoding: .utf8) else {
                throw ZeroTouchClientError(.configurationInvalid, "cannot read \(clientSecretFile)")
            }
            return text.trimmingCharacters(in: .whitespacesAndNewlines)
        }
        return environment["ZEROTOUCH_CLIENT_SECRET"]
    }
}
