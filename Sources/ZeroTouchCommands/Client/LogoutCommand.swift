import ArgumentParser
import Foundation
import ZeroTouchClient
import ZeroTouchCore

/// `zerotouch logout`: forgets the session (the saved profile stays for the next login).
struct LogoutCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logout",
        abstract: "Forget the stored sign-in.",
        discussion: "Deletes $XDG_CONFIG_HOME/zerotouch/credentials.json. Access tokens already issued expire on their own."
    )

    @OptionGroup var options: ClientOptions

    func run() async throws {
        try await ClientOutput.run(json: options.json) {
            let io = CommandIO.current
            let store = CredentialStore.standard(environment: io.environment)
            let wasLoggedIn = (try? store.load()) != nil
            try store.delete()
            if options.json {
                io.writeOutput(ClientOutput.encode(["logged_out": wasLoggedIn]))
            } else {
                io.writeOutput(wasLoggedIn ? "Logged out." : "You were not logged in.")
            }
        }
    }
}
