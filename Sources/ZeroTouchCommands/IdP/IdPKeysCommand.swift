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
            abstract: "Make a new ES256 key sign; the old key stays published until every token it signed has expired.",
            discussion: """
                The old key stays in the JWKS for the longest lifetime of a token it signed (the ID token lifetime, \
                or 600 s for ID-JAGs, whichever is longer) plus 60 s of clock skew, so receivers can verify those tokens.
                """)
        @OptionGroup var store: IdPStoreOptions
        func run() async throws {
            try await store.withRegistry { settings, stores, _ in
                let ring = KeyRing(owner: IdentityProvider.keyOwner, store: stores.signingKeys, algorithm: IdentityProvider.signingAlgorithm)
                let retiringFor = settings.idp.options.lifetimes.longestSignedToken + JWTTimeRules.defaultLeeway
                let key = try await ring.rotate(now: Date(), retiringFor: retiringFor)
                try await stores.auditLog.append(
                    AuditRecord(
                        time: Date(), service: IdPRegistry.auditService, event: "admin.keys.rotate", outcome: .success, actor: store.auditActor,
                        details: ["kid": key.keyID.rawValue, "retiring_for": String(Int(retiringFor))]))
                CommandOutput.line("new signing key \(key.keyID) (\(key.algorithm)); previous keys stay published for \(Int(retiringFor)) s")
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
