import ArgumentParser
import Foundation
import ZeroTouchCore
import ZeroTouchIdP
import ZeroTouchJOSE
import ZeroTouchStorage

/// `zerotouch keys …`: the identity provider's signing keys.
struct IdPKeysCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys", abstract: "Rotate and list the identity provider's signing keys.", subcommands: [Rotate.self, List.self])

    struct Rotate: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Publish a new ES256 key that signs from 60 s later; the old key stays published until every token it signed has expired.",
            discussion: """
                The new key is published at once and signs after the activation delay (default 60 s), so that every \
                authorization server caching the JWKS can see it before it meets a token signed with it. The old key \
                keeps signing until then, and stays in the JWKS for the longest lifetime of a token it signed (the ID \
                token lifetime, or 600 s for ID-JAGs, whichever is longer) plus 60 s of clock skew.
                """)
        @OptionGroup var store: IdPStoreOptions
        @Option(help: "Seconds between publishing the new key and signing with it (0 switches at once).")
        var activationDelay: Int = Int(KeyRing.defaultActivationDelay)
        func run() async throws {
            try await store.withRegistry { settings, stores, _ in
                let ring = KeyRing(owner: IdentityProvider.keyOwner, store: stores.signingKeys, algorithm: IdentityProvider.signingAlgorithm)
                let retiringFor = settings.idp.options.lifetimes.longestSignedToken + JWTTimeRules.defaultLeeway
                guard activationDelay >= 0 else { throw CommandArgumentError("--activation-delay must not be negative") }
                let key = try await ring.rotate(now: Date(), retiringFor: retiringFor, activationDelay: TimeInterval(activationDelay))
                try await stores.auditLog.append(
                    AuditRecord(
                        time: Date(), service: IdPRegistry.auditService, event: "admin.keys.rotate", outcome: .success, actor: store.auditActor,
                        details: ["kid": key.keyID.rawValue, "retiring_for": String(Int(retiringFor)), "activation_delay": String(activationDelay)]))
                CommandOutput.line(
                    "new signing key \(key.keyID) (\(key.algorithm)) published; it signs in \(activationDelay) s, and previous keys stay published \(Int(retiringFor)) s after that")
            }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the published keys (the JWKS).")
        @OptionGroup var store: IdPStoreOptions
        func run() async throws {
            try await store.withRegistry { _, stores, _ in
                let ring = KeyRing(owner: IdentityProvider.keyOwner, store: stores.signingKeys, algorithm: IdentityProvider.signingAlgorithm)
                try CommandOutput.json(try await ring.jwks(now: Date()))
            }
        }
    }
}
