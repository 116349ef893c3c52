import Foundation
import ZeroTouchCore
import ZeroTouchStorage

/// What `zerotouch dev` prints once every listener is up: the URLs, the accounts (with their
/// passwords on the first run only), the CLI profile and the next commands.
struct DevBanner {
    let environment: DevEnvironment
    /// How the user started `dev`, repeated in the hints (`zerotouch dev --data-dir …`).
    let dataDirectoryArgument: String?

    func render() -> String {
        let topology = environment.topology
        var lines = ["ZeroTouch dev: the whole enterprise on 127.0.0.1, one process, data in \(environment.dataDirectory.path)", ""]
        lines += [
            row("Identity provider", topology.identityProviderIssuer.rawValue, "sign-in, token exchange -> ID-JAG, /mcp/servers"),
            row("Authorization server", topology.authorizationServerIssuer.rawValue, "jwt-bearer grant -> access tokens"),
            row("issues MCP server", topology.issuesResource.rawValue, "issues.read issues.write"),
            row("docs MCP server", topology.docsResource.rawValue, "docs.read docs.write"),
            row("notes via gateway", topology.notesResource.rawValue, "notes.read notes.write, upstream \(topology.notesUpstreamURL)"),
            "",
        ]
        lines += accounts()
        lines += [
            "",
            "The zerotouch CLI is client \"\(DevOrganization.cliClientID)\" at both servers; "
                + "its secrets are in \(environment.cliProfileURL.path) (0600).",
            "",
        ]
        lines += nextCommands()
        return lines.joined(separator: "\n")
    }

    private func row(_ role: String, _ url: String, _ what: String) -> String {
        "  " + role.padding(toLength: 22, withPad: " ", startingAt: 0) + url.padding(toLength: 30, withPad: " ", startingAt: 0) + what
    }

    private func accounts() -> [String] {
        var lines: [String]
        if let credentials = environment.credentials {
            lines = [
                "New organization \"\(DevOrganization.name)\". These passwords are shown ONCE: only their bcrypt hashes are stored.", "",
                "  " + ["user", "password", "group", "may use"].enumerated().map { pad($0.element, [8, 21, 13, 0][$0.offset]) }.joined(),
            ]
            for account in DevOrganization.accounts {
                let password = credentials.passwords[account.username] ?? "?"
                lines.append("  " + pad(account.username, 8) + pad(password, 21) + pad(account.group.rawValue, 13) + access(of: account))
                if let secret = credentials.totpSecrets[account.username] {
                    lines.append("  " + pad("", 42) + "TOTP secret \(secret) (authenticator app: \(credentials.totpURIs[account.username] ?? ""))")
                }
            }
        } else {
            let seeded = ISO8601DateFormatter().string(from: environment.marker.seededAt)
            lines = [
                "Organization \"\(DevOrganization.name)\" (seeded \(seeded)), state kept. Passwords were shown on the first run",
                "and are not stored; `zerotouch admin users reset-password <user>` makes a new one (printed once).", "",
            ]
            for account in DevOrganization.accounts {
                lines.append("  " + pad(account.username, 8) + pad(account.group.rawValue, 13) + access(of: account))
            }
        }
        return lines
    }

    /// What the policy lets the account reach, from `DevOrganization.policies`.
    private func access(of account: DevAccount) -> String {
        if account.isSuspended { return "SUSPENDED: cannot sign in" }
        if account.group == .admins { return "the admin console, \(environment.topology.identityProviderIssuer.rawValue)/admin" }
        let parts = DevServer.allCases.compactMap { server -> String? in
            let rules = DevOrganization.policies.filter { $0.group == account.group && $0.server == server }
            guard !rules.isEmpty else { return nil }
            let scopes = rules.flatMap(\.scopes).map { $0.split(separator: ".").last.map(String.init) ?? $0 }.joined(separator: "+")
            let secondFactor = account.hasSecondFactor ? " (with the TOTP code)" : " (needs a second factor, none enrolled)"
            let factor = rules.contains(where: \.requiresSecondFactor) ? secondFactor : ""
            return "\(server.name) \(scopes)\(factor)"
        }
        return parts.isEmpty ? "nothing" : parts.joined(separator: ", ")
    }

    private func nextCommands() -> [String] {
        let profile = environment.cliProfileURL.path
        // The admin commands read `data.directory`; point them here unless it is the default.
        let admin = dataDirectoryArgument.map { "ZEROTOUCH_DATA_DIRECTORY=\($0) zerotouch" } ?? "zerotouch"
        let commands: [(command: String, what: String)] = [
            ("zerotouch login --profile \(profile)", "a browser opens at the IdP: sign in as alice (--no-browser prints the URL)"),
            ("zerotouch servers", "every server alice may use, connected in one go"),
            ("zerotouch tools issues", "the issues server's tools"),
            ("zerotouch call issues create_issue --args '{\"title\":\"Hello from ZeroTouch\"}'", "opens an issue as alice"),
            ("\(admin) admin audit --service gateway", "tool calls through the gateway, each with its access token's jti"),
            ("\(admin) keys rotate", "a new IdP signing key"),
            ("zerotouch demo", "the scripted tour, on its own temporary directory"),
        ]
        let console = "\(environment.topology.identityProviderIssuer.rawValue)/admin"
        var lines = ["Admin console: open \(console) in a browser and sign in as \(DevOrganization.consoleAdmin) (group idp-admins).", ""]
        lines.append("Next, in another terminal:")
        for (command, what) in commands {
            if command.count <= 34 {
                lines.append("  " + command.padding(toLength: 36, withPad: " ", startingAt: 0) + what)
            } else {
                lines += ["  " + command, "  " + String(repeating: " ", count: 36) + what]
            }
        }
        lines.append("")
        if !environment.isNewOrganization {
            lines.append("Sign-in sessions are kept in memory: after a restart, run `zerotouch login` again.")
        }
        let restart = "zerotouch dev" + (dataDirectoryArgument.map { " --data-dir \($0)" } ?? "")
        lines.append("Ctrl-C stops everything; `\(restart)` starts it again with every change kept.")
        return lines
    }

    private func pad(_ text: String, _ width: Int) -> String {
        width == 0 ? text : text.padding(toLength: max(width, text.count + 1), withPad: " ", startingAt: 0)
    }
}
