import Foundation
import ZeroTouchCore

/// The servers of one load run, each a child process on 127.0.0.1: the release `zerotouch` binary's
/// `idp serve`, `as serve` and `gateway serve` (one process each, own SQLite database, log level
/// `warning`), and `LoadBench host-mcp` with the echo servers behind the bearer middleware and the
/// unprotected echo server. Seeded with the same admin commands an operator runs.
final class Cluster: @unchecked Sendable {
    let basePort: Int
    let serverCount: Int
    let directory: URL
    let binary: String
    var processes: [ChildProcess] = []
    var idpSecret = ""
    let asSecret = "loadbench-as-" + UUID().uuidString
    let username = "bench"
    let password = "loadbench-" + UUID().uuidString
    static let clientID = "bench"

    var idpPort: Int { basePort }
    var asPort: Int { basePort + 1 }
    var gatewayPort: Int { basePort + 2 }
    var directPort: Int { basePort + 3 }
    func mcpPort(_ index: Int) -> Int { basePort + 10 + index }

    var idpIssuer: Issuer { Issuer("http://127.0.0.1:\(idpPort)") }
    var asIssuer: Issuer { Issuer("http://127.0.0.1:\(asPort)") }
    func mcpResource(_ index: Int) -> String { "http://127.0.0.1:\(mcpPort(index))/mcp" }
    var gatewayResource: String { "http://127.0.0.1:\(gatewayPort)/mcp" }
    var directURL: String { "http://127.0.0.1:\(directPort)/mcp" }
    /// Every protected resource: the `serverCount` middleware servers, then the gateway.
    var resources: [String] { (0..<serverCount).map(mcpResource) + [gatewayResource] }

    /// IdP and authorization-server processes each (issue 8); more than one needs a shared `storageURL`.
    let replicas: Int
    /// `storage.url` of the IdP and the authorization server (PostgreSQL); SQLite files when nil.
    let storageURL: String?
    /// Where the Python peer authorization server listens, when the peers are measured.
    var pythonASPort: Int?
    /// Diagnostic: LD_PRELOAD libeatmydata into the servers (see `RunOptions.withoutFsync`).
    var withoutFsync = false
    private var serverEnvironment: [String: String] { withoutFsync ? ["LD_PRELOAD": "libeatmydata.so"] : [:] }

    var idpURLs: [String] { (0..<replicas).map { "http://127.0.0.1:\($0 == 0 ? idpPort : basePort + 40 + $0)" } }
    var asURLs: [String] { (0..<replicas).map { "http://127.0.0.1:\($0 == 0 ? asPort : basePort + 50 + $0)" } }
    var pythonASIssuer: String? { pythonASPort.map { "http://127.0.0.1:\($0)" } }
    /// The resource the Python authorization server issues tokens for (nothing listens there).
    var pythonResource: String { "http://127.0.0.1:\(basePort + 6)/mcp" }

    /// A per-run signing-key encryption key: a shared database requires one.
    private let encryptionKey = Data((0..<32).map { _ in UInt8.random(in: 0...255) }).base64EncodedString()
    private var storageEnvironment: [String: String] {
        storageURL.map { ["ZEROTOUCH_STORAGE_URL": $0, "ZEROTOUCH_STORAGE_ENCRYPTION_KEY": encryptionKey] } ?? [:]
    }

    init(binary: String, directory: URL, basePort: Int, serverCount: Int, replicas: Int = 1, storageURL: String? = nil) {
        self.replicas = replicas
        self.storageURL = storageURL
        self.binary = binary
        self.directory = directory
        self.basePort = basePort
        self.serverCount = serverCount
    }

    func file(_ name: String) -> String { directory.appendingPathComponent(name).path }

    private func writeConfig(_ name: String, _ yaml: String) throws {
        try yaml.write(toFile: file(name), atomically: true, encoding: .utf8)
    }

    /// Writes the configurations and seeds the IdP's and the authorization server's databases.
    func seed() throws {
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try writeConfig("idp.yaml", "server: { host: 127.0.0.1, port: \(idpPort) }\ndata: { directory: \(file("idp")) }\nlog: { level: warning }\n")
        try writeConfig("as.yaml", "server: { host: 127.0.0.1, port: \(asPort) }\ndata: { directory: \(file("as")) }\nlog: { level: warning }\n")
        try writeConfig(
            "gateway.yaml",
            """
            server: { host: 127.0.0.1, port: \(gatewayPort) }
            data: { directory: \(file("gateway")) }
            log: { level: warning }
            gateway:
              resource: "\(gatewayResource)"
              authorization_server: "\(asIssuer.rawValue)"
              upstream: { url: "\(directURL)" }
              tool_scopes: "echo=\(EchoServer.scope)"
              default_tool_scope: "\(EchoServer.scope)"

            """)
        let storage = storageEnvironment
        let idp = ["ZEROTOUCH_CONFIG": file("idp.yaml")].merging(storage) { $1 }
        try Command.run(
            binary, ["admin", "users", "create", "--username", username, "--display-name", "Bench", "--email", "bench@example.com", "--password-env", "LB_PW"],
            environment: idp.merging(["LB_PW": password]) { $1 })
        var mappings: [String] = []
        for (index, resource) in resources.enumerated() {
            let id = "s\(index)"
            try Command.run(
                binary,
                ["admin", "resources", "create", "--id", id, "--name", id, "--resource", resource, "--authorization-server", asIssuer.rawValue,
                 "--scope", EchoServer.scope, "--lifetime", "600"], environment: idp)
            mappings += ["--server-client", "\(id)=\(Self.clientID)"]
        }
        if let pythonASIssuer {
            try Command.run(
                binary,
                ["admin", "resources", "create", "--id", "python", "--name", "python", "--resource", pythonResource, "--authorization-server",
                 pythonASIssuer, "--scope", EchoServer.scope, "--lifetime", "600"], environment: idp)
            mappings += ["--server-client", "python=\(Self.clientID)"]
        }
        let created = try Command.run(
            binary, ["admin", "clients", "create", "--id", Self.clientID, "--name", "LoadBench", "--type", "native", "--redirect-uri", "http://127.0.0.1/callback"] + mappings,
            environment: idp)
        guard let line = created.split(separator: "\n").first(where: { $0.hasPrefix("client_secret") }), let secret = line.split(separator: " ").last else {
            throw Command.Failure(description: "no client secret printed")
        }
        idpSecret = String(secret)
        try Command.run(binary, ["admin", "policies", "create", "--name", "everyone", "--effect", "allow", "--everyone"], environment: idp)
        let asEnvironment = ["ZEROTOUCH_CONFIG": file("as.yaml")].merging(storage) { $1 }
        try Command.run(
            binary, ["as", "trust", "add", idpIssuer.rawValue, "--jwks-uri", idpIssuer.rawValue + "/jwks", "--users", "create"], environment: asEnvironment)
        var allowed: [String] = []
        for resource in resources {
            try Command.run(binary, ["as", "resource", "add", resource, "--scope", EchoServer.scope], environment: asEnvironment)
            allowed += ["--resource", resource]
        }
        try Command.run(binary, ["as", "client", "add", Self.clientID, "--secret-stdin", "--name", "LoadBench"] + allowed, environment: asEnvironment, input: asSecret)
    }

    /// Starts every server and waits until each answers `/healthz`.
    func start(loadBench: String) async throws {
        let logs = directory
        let storage = storageEnvironment
        for replica in 0..<replicas {
            let suffix = replica == 0 ? "" : "-\(replica + 1)"
            let idpPort = replica == 0 ? idpPort : basePort + 40 + replica
            let asPort = replica == 0 ? asPort : basePort + 50 + replica
            // Every replica has the issuer of the first one (one logical IdP / AS) and its own port.
            processes.append(
                try ChildProcess(
                    name: "idp" + suffix, executable: binary, arguments: ["idp", "serve", "--config", file("idp.yaml")],
                    environment: storage.merging(serverEnvironment) { $1 }.merging(["ZEROTOUCH_SERVER_PORT": String(idpPort), "ZEROTOUCH_IDP_ISSUER": idpIssuer.rawValue]) { $1 },
                    logDirectory: logs))
            processes.append(
                try ChildProcess(
                    name: "as" + suffix, executable: binary, arguments: ["as", "serve", "--config", file("as.yaml")],
                    environment: storage.merging(serverEnvironment) { $1 }.merging(["ZEROTOUCH_SERVER_PORT": String(asPort), "ZEROTOUCH_AS_ISSUER": asIssuer.rawValue]) { $1 },
                    logDirectory: logs))
        }
        processes.append(
            try ChildProcess(
                name: "gateway", executable: binary, arguments: ["gateway", "serve", "--config", file("gateway.yaml")], environment: serverEnvironment,
                logDirectory: logs))
        processes.append(
            try ChildProcess(
                name: "mcp", executable: loadBench,
                arguments: ["host-mcp", "--as", asIssuer.rawValue, "--base-port", String(mcpPort(0)), "--count", String(serverCount), "--direct-port", String(directPort)],
                logDirectory: logs))
        let ports = [gatewayPort, directPort] + (0..<serverCount).map(mcpPort)
        for url in idpURLs + asURLs { try await Health.wait(port: Int(url.split(separator: ":").last!)!) }
        for port in ports { try await Health.wait(port: port) }
    }

    func process(_ name: String) -> ChildProcess? { processes.first { $0.name == name } }

    /// VmRSS of every server process, MiB.
    func residentSizes() -> [(String, Double)] { processes.compactMap { process in residentMiB(pid: process.pid).map { (process.name, $0) } } }

    func stop() {
        for process in processes.reversed() { process.stop() }
        processes.removeAll()
    }
}
