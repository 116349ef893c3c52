import ArgumentParser
import Foundation
import ZeroTouchCore
import ZeroTouchIdP
import ZeroTouchStorage

/// `zerotouch admin explain`: what policy decides for a user, client, server and scope, and why.
struct IdPExplainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain", abstract: "Explain the policy decision for a user × client × MCP server × scope.")
    @OptionGroup var store: IdPStoreOptions
    @Option(help: "A user id or username.") var user: String
    @Option(help: "A client_id.") var client: String
    @Option(help: "An MCP server id or resource identifier.") var server: String
    @Option(help: "The requested scope, space-separated (default: everything allowed).") var scope: String?
    @Option(name: .customLong("amr"), help: "A sign-in method, pwd or otp (repeatable; default: pwd).") var methods: [String] = []
    @Option(help: "How many seconds ago the user signed in.") var age: Int = 0

    func run() async throws {
        try await store.withRegistry { _, _, registry in
            let question = ExplainQuestion(
                user: user, client: ClientID(client), server: server, scope: scope, methods: methods.isEmpty ? nil : methods, authenticationAge: age)
            try CommandOutput.json(ExplanationView(try registry.snapshot.explain(question, now: Date())))
        }
    }
}

/// `zerotouch admin audit`: filtered, paged queries of the audit trail, newest first.
struct IdPAuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Query the audit trail (logins, exchanges, refreshes, admin changes).",
        discussion: "Pass the printed next_cursor as --cursor for the next, older page.")
    @OptionGroup var store: IdPStoreOptions
    @Option(help: "The service: idp, as, gateway, mcp (default: idp, or every service with --trail).") var service: String?
    @Option(help: "An event, or a prefix ending in '.' such as admin.") var event: String?
    @Option(help: "success, denied or failure.") var outcome: String?
    @Option(help: "Who acted.") var by: String?
    @Option(help: "The user concerned (id).") var subject: String?
    @Option(name: .customLong("client-id"), help: "The client.") var clientID: String?
    @Option(help: "The resource.") var resource: String?
    @Option(help: "A jti: one grant's trail.") var trail: String?
    @Option(help: "ISO 8601 start.") var since: String?
    @Option(help: "ISO 8601 end.") var until: String?
    @Option(help: "At most this many records (1…1000).") var limit: Int = 50
    @Option(help: "The cursor of the previous page.") var cursor: String?

    func run() async throws {
        var parameters = ["limit": String(limit)]
        // One grant's trail crosses services (IdP grant -> AS redemption -> tool calls): a trail
        // query looks at all of them unless a service is named.
        if let service = service ?? (trail == nil ? IdPRegistry.auditService : nil) { parameters["service"] = service }
        let optional: [(String, String?)] = [
            ("event", event), ("outcome", outcome), ("actor", by), ("subject", subject), ("client_id", clientID), ("resource", resource),
            ("trail", trail), ("since", since), ("until", until), ("cursor", cursor),
        ]
        for (name, value) in optional { if let value { parameters[name] = value } }
        let query = try AuditQuery(parameters: parameters)
        try await store.withRegistry { _, stores, _ in try CommandOutput.json(AuditPageView(try await stores.auditLog.query(query))) }
    }
}

/// `zerotouch admin tokens …`: bearer tokens for the admin API.
struct IdPAdminTokensCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens", abstract: "Create, list and revoke admin API tokens.", subcommands: [Create.self, List.self, Revoke.self])

    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Create an admin token (shown once; stored hashed).")
        @OptionGroup var store: IdPStoreOptions
        @Option(help: "Who holds it: the actor of the changes made with it.") var name: String
        func run() async throws {
            try await store.withRegistry { _, _, registry in
                let token = try await registry.createAdminToken(name: name, by: store.auditActor)
                try CommandOutput.json(token.summary)
                CommandOutput.line("token (shown once): \(token.value)")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List admin tokens (never their secrets).")
        @OptionGroup var store: IdPStoreOptions
        func run() async throws { try await store.withRegistry { _, _, registry in try CommandOutput.json(try await registry.adminTokens()) } }
    }

    struct Revoke: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Revoke an admin token.")
        @OptionGroup var store: IdPStoreOptions
        @Argument(help: "The token id (adm-…).") var id: String
        func run() async throws {
            try await store.withRegistry { _, _, registry in
                try await registry.revokeAdminToken(id, by: store.auditActor)
                CommandOutput.line("revoked \(id)")
            }
        }
    }
}
