import ArgumentParser
import Foundation
import ZeroTouchAS
import ZeroTouchCore
import ZeroTouchJOSE

/// `zerotouch as trust add|list|remove`: the IdPs whose ID-JAGs are redeemed (ID-JAG §4.1).
struct ASTrustCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trust", abstract: "Manage trusted identity providers.", subcommands: [Add.self, List.self, Remove.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Trust an IdP, or replace its settings.",
            discussion: "Keys come from --jwks-uri, or from the issuer's RFC 8414 metadata, then OpenID discovery.")

        @OptionGroup var options: ASStoreOptions
        @Argument(help: "The IdP's issuer identifier, exactly as in its ID-JAGs' iss.") var issuer: String
        @Option(name: .customLong("jwks-uri"), help: "The IdP's JWKS URL (default: discover from the issuer).") var jwksURI: String?
        @Option(name: .customLong("algorithm"), help: "An accepted JWS algorithm; repeat for several (default: ES256 RS256 PS256 EdDSA).")
        var algorithms: [String] = []
        @Option(help: "The tenant every ID-JAG must name.") var tenant: String?
        @Option(help: "single-use (default) or re-presentable (decisions X-2).") var replay = TrustedIssuer.ReplayPolicy.singleUse.rawValue
        @Option(name: .customLong("max-lifetime"), help: "Longest accepted exp - iat in seconds (at most 600).") var maxLifetime = 600
        @Option(help: "require-linked (default) or create (just-in-time accounts).") var users = TrustedIssuer.UserMapping.requirePreLinked.rawValue
        @Flag(name: .customLong("strict-ema"), help: "Answer invalid_grant for unknown resources and scopes (decisions X-1).")
        var strictEMA = false

        func run() async throws {
            guard let replayPolicy = TrustedIssuer.ReplayPolicy(rawValue: replay) else {
                throw CommandArgumentError("--replay must be single-use or re-presentable")
            }
            guard let mapping = TrustedIssuer.UserMapping(rawValue: users) else { throw CommandArgumentError("--users must be require-linked or create") }
            let parsed = try algorithms.map { name in
                guard let algorithm = JWSAlgorithm(rawValue: name) else { throw CommandArgumentError("unknown algorithm \(name)") }
                return algorithm
            }
            let trust = TrustedIssuer(
                issuer: Issuer(issuer), jwksURI: jwksURI, allowedAlgorithms: parsed.isEmpty ? TrustedIssuer.defaultAlgorithms : parsed,
                tenant: tenant, replayPolicy: replayPolicy, maximumAssertionLifetime: TimeInterval(maxLifetime), userMapping: mapping,
                strictEMA: strictEMA)
            try await options.withRegistry { registry, _ in try await registry.putTrustedIssuer(trust, actor: options.auditActor) }
            CommandOutput.line("trusted \(issuer)")
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List trusted IdPs as JSON.")
        @OptionGroup var options: ASStoreOptions

        func run() async throws {
            let trusted = try await options.withRegistry { registry, _ in registry.snapshot.trustedIssuers.values.sorted { $0.issuer < $1.issuer } }
            try CommandOutput.json(trusted)
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop trusting an IdP.")
        @OptionGroup var options: ASStoreOptions
        @Argument(help: "The issuer identifier.") var issuer: String

        func run() async throws {
            try await options.withRegistry { registry, _ in try await registry.removeTrustedIssuer(Issuer(issuer), actor: options.auditActor) }
            CommandOutput.line("removed \(issuer)")
        }
    }
}
