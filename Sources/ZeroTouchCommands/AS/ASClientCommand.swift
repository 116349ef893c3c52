import ArgumentParser
import Foundation
import ZeroTouchAS
import ZeroTouchCore
import ZeroTouchOAuth

/// `zerotouch as client add|list|disable|enable|remove`: clients that redeem ID-JAGs (RFC 6749 §2).
struct ASClientCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "client", abstract: "Manage clients.",
        subcommands: [Add.self, List.self, Disable.self, Enable.self, Remove.self])

    struct Add: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Register a client, or replace its registration.",
            discussion: "For the secret methods a secret is generated and printed once unless --secret-stdin is given; only its hash is stored.")

        @OptionGroup var options: ASStoreOptions
        @Argument(help: "The client_id.") var clientID: String
        @Option(name: .customLong("resource"), help: "A resource the client may obtain tokens for; repeat for several.") var resources: [String] = []
        @Option(help: "client_secret_basic (default), client_secret_post or private_key_jwt.")
        var method = ClientAuthenticationMethod.clientSecretBasic.rawValue
        @Flag(name: .customLong("secret-stdin"), help: "Read the secret from the first line of standard input instead of generating one.")
        var secretFromStandardInput = false
        @Option(name: .customLong("jwks-uri"), help: "For private_key_jwt: the client's JWKS URL.") var jwksURI: String?
        @Option(name: .customLong("jwks-file"), help: "For private_key_jwt: a file holding the client's JWKS.") var jwksFile: String?
        @Option(help: "A name for administrators.") var name: String?

        func run() async throws {
            guard let method = ClientAuthenticationMethod(rawValue: method) else { throw CommandArgumentError("unknown method \(self.method)") }
            var secret: String?
            if method == .clientSecretBasic || method == .clientSecretPost {
                secret = secretFromStandardInput ? readLine(strippingNewline: true) : ClientSecret.generate()
                guard let secret, !secret.isEmpty else { throw CommandArgumentError("no secret on standard input") }
            }
            let jwks = try jwksFile.map { try String(contentsOfFile: $0, encoding: .utf8) }
            let client = RegisteredClient(
                credentials: ClientCredentials(
                    clientID: ClientID(clientID), method: method, secretHash: secret.map(ClientSecret.hash), jwks: jwks, jwksURI: jwksURI),
                allowedResources: resources.map(ResourceIdentifier.init), name: name)
            try await options.withRegistry { registry, _ in try await registry.putClient(client, actor: options.auditActor) }
            CommandOutput.line("registered \(clientID)")
            if let secret, !secretFromStandardInput { CommandOutput.line("client_secret: \(secret)") }
        }
    }

    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List clients as JSON (never secrets or their hashes).")
        @OptionGroup var options: ASStoreOptions

        func run() async throws {
            let clients = try await options.withRegistry { registry, _ in registry.snapshot.clients.values.sorted { $0.id < $1.id } }
            try CommandOutput.json(clients.map(ClientListing.init))
        }
    }

    struct Disable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Disable a client: no new tokens, its tokens become inactive.")
        @OptionGroup var options: ASStoreOptions
        @Argument(help: "The client_id.") var clientID: String

        func run() async throws {
            try await options.withRegistry { registry, _ in
                try await registry.setClientDisabled(ClientID(clientID), true, actor: options.auditActor)
            }
            CommandOutput.line("disabled \(clientID)")
        }
    }

    struct Enable: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Enable a disabled client.")
        @OptionGroup var options: ASStoreOptions
        @Argument(help: "The client_id.") var clientID: String

        func run() async throws {
            try await options.withRegistry { registry, _ in
                try await registry.setClientDisabled(ClientID(clientID), false, actor: options.auditActor)
            }
            CommandOutput.line("enabled \(clientID)")
        }
    }

    struct Remove: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Remove a client.")
        @OptionGroup var options: ASStoreOptions
        @Argument(help: "The client_id.") var clientID: String

        func run() async throws {
            try await options.withRegistry { registry, _ in try await registry.removeClient(ClientID(clientID), actor: options.auditActor) }
            CommandOutput.line("removed \(clientID)")
        }
    }
}

/// A client as `client list` prints it.
private struct ClientListing: Encodable {
    var clientID: String
    var method: String
    var allowedResources: [String]
    var disabled: Bool
    var name: String?

    init(_ client: RegisteredClient) {
        clientID = client.id.rawValue
        method = client.credentials.method.rawValue
        allowedResources = client.allowedResources.map(\.rawValue)
        disabled = client.isDisabled
        name = client.name
    }

    enum CodingKeys: String, CodingKey {
        case clientID = "client_id"
        case method = "token_endpoint_auth_method"
        case allowedResources = "allowed_resources"
        case disabled
        case name
    }
}
