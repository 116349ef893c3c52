import ArgumentParser
import Foundation
import ZeroTouchClient
import ZeroTouchCore

/// `zerotouch whoami`: who is logged in, where, and until when (renewing the sign-in if due).
struct WhoAmICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whoami",
        abstract: "Show who is logged in.",
        discussion: "With --json: {\"subject\",\"email\",\"name\",\"issuer\",\"client_id\",\"id_token_expires_at\",\"logged_in_at\"}."
    )

    @OptionGroup var options: ClientOptions

    func run() async throws {
        try await ClientOutput.run(json: options.json) {
            let credentials = try await ClientEnvironment(options: options).session().credentials()
            if options.json {
                CommandIO.current.writeOutput(ClientOutput.encode(Self.object(credentials)))
            } else {
                CommandIO.current.writeOutput("""
                    \(Self.name(credentials.identity))
                      identity provider: \(credentials.issuer) (client \(credentials.clientID))
                      signed in until:   \(ClientOutput.time(credentials.identity.expiresAt)) (renewed automatically)
                    """)
            }
        }
    }

    /// "Name <email> (sub)".
    static func name(_ identity: IdentityClaims) -> String {
        var text = identity.name ?? identity.preferredUsername ?? identity.subject.rawValue
        if let email = identity.email { text += " <\(email)>" }
        if text != identity.subject.rawValue { text += " (\(identity.subject))" }
        return text
    }

    /// The JSON of `--json`.
    static func object(_ credentials: StoredCredentials) -> [String: Any] {
        let identity = credentials.identity
        var object: [String: Any] = [
            "subject": identity.subject.rawValue, "issuer": credentials.issuer.rawValue, "client_id": credentials.clientID.rawValue,
            "id_token_expires_at": ClientOutput.time(identity.expiresAt), "logged_in_at": ClientOutput.time(credentials.loggedInAt),
        ]
        if let email = identity.email { object["email"] = email }
        if let name = identity.name { object["name"] = name }
        return object
    }
}
