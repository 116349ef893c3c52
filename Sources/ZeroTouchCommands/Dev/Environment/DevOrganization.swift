/// The organization `zerotouch dev` seeds on first run: who works there, and what each group may do.
///
/// | group | issues | docs | notes (gateway) |
/// |---|---|---|---|
/// | engineering | read, write | read | read, write |
/// | marketing | — | read, write | read |
/// | contractors | read, with a second factor | — | — |
/// | idp-admins | — (the web admin console at `/admin`) | — | — |
public enum DevOrganization {
    /// The organization's display name.
    public static let name = "Acme (ZeroTouch dev)"

    /// The accounts: one per situation the demo and the tests exercise.
    public static let accounts: [DevAccount] = [
        DevAccount(username: "alice", displayName: "Alice Chen", email: "alice@acme.example", group: .engineering),
        DevAccount(username: "maya", displayName: "Maya Patel", email: "maya@acme.example", group: .marketing),
        DevAccount(username: "carlos", displayName: "Carlos Diaz", email: "carlos@acme.example", group: .contractors, hasSecondFactor: true),
        DevAccount(username: "dana", displayName: "Dana Kim", email: "dana@acme.example", group: .contractors),
        DevAccount(username: "sam", displayName: "Sam Lee", email: "sam@acme.example", group: .engineering, isSuspended: true),
        DevAccount(username: "ada", displayName: "Ada Okafor", email: "ada@acme.example", group: .admins),
    ]

    /// The policy: allow rules only; everything else is the IdP's default deny.
    public static let policies: [DevPolicy] = [
        DevPolicy(
            id: "engineering-issues", name: "Engineering: issues read and write", group: .engineering, server: .issues,
            scopes: ["issues.read", "issues.write"]),
        DevPolicy(id: "engineering-docs", name: "Engineering: docs read", group: .engineering, server: .docs, scopes: ["docs.read"]),
        DevPolicy(
            id: "engineering-notes", name: "Engineering: notes read and write", group: .engineering, server: .notes,
            scopes: ["notes.read", "notes.write"]),
        DevPolicy(
            id: "marketing-docs", name: "Marketing: docs read and write", group: .marketing, server: .docs, scopes: ["docs.read", "docs.write"]),
        DevPolicy(id: "marketing-notes", name: "Marketing: notes read", group: .marketing, server: .notes, scopes: ["notes.read"]),
        DevPolicy(
            id: "contractors-issues", name: "Contractors: issues read, second factor required", group: .contractors, server: .issues,
            scopes: ["issues.read"], requiresSecondFactor: true),
    ]

    /// The `zerotouch` CLI's `client_id` at the IdP and at the authorization server.
    public static let cliClientID = "zerotouch"
    /// The `zerotouch` CLI's name on the sign-in page.
    public static let cliClientName = "ZeroTouch CLI"
    /// The actor recorded in the audit trail for every seeding change.
    public static let auditActor = "zerotouch dev"

    /// The account that may use the IdP's web admin console.
    public static let consoleAdmin = "ada"

    /// The account named `username`.
    public static func account(_ username: String) -> DevAccount? { accounts.first { $0.username == username } }

    /// The scopes `group` may get at `server` with a sign-in that did (or did not) use a second factor.
    public static func allowedScopes(for group: DevGroup, at server: DevServer, secondFactor: Bool) -> [String] {
        policies.filter { $0.group == group && $0.server == server && (!$0.requiresSecondFactor || secondFactor) }.flatMap(\.scopes)
    }
}
