import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchJOSE
import ZeroTouchResourceServer
import ZeroTouchServer

@Suite("Reading resource-server and gateway settings")
struct SettingsTests {
    /// Loads `yaml` (plus `environment`) and reads the gateway settings.
    static func gateway(_ yaml: String, environment: [String: String] = [:]) async throws -> GatewaySettings {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("zt-gateway-\(UUID().uuidString).yaml").path
        try Data(yaml.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let source = try await ConfigurationSource.load(filePath: path, environment: environment)
        return try SettingsReader.load(from: source) { reader in GatewaySettings(reading: &reader, endpointPolicy: .standard) }.settings
    }

    static let valid = """
        gateway:
          resource: https://gateway.example/mcp
          authorization_server: https://as.example
          upstream:
            url: http://127.0.0.1:9000/mcp
          tool_scopes: "create_note=notes.write; list_notes=notes.read"
          identity_headers:
            scope: none
        """

    @Test("a complete gateway configuration")
    func valid() async throws {
        let settings = try await Self.gateway(Self.valid)
        #expect(settings.resourceServer.resource == "https://gateway.example/mcp")
        #expect(settings.resourceServer.authorizationServer == "https://as.example")
        #expect(settings.resourceServer.path == "/mcp")
        #expect(settings.upstream == .http(URL(string: "http://127.0.0.1:9000/mcp")!))
        #expect(settings.toolPolicy == ToolScopePolicy(toolScopes: ["create_note": ["notes.write"], "list_notes": ["notes.read"]], unlistedTools: .deny))
        #expect(settings.identityHeaders.scope == nil)
        #expect(settings.identityHeaders.user == "X-ZeroTouch-User")
        #expect(settings.configuration.resource.scopesSupported == ["notes.read", "notes.write"])
        #expect(settings.resourceServer.algorithms == JWSAlgorithm.standardAllowList)
        guard case .jwt(nil) = settings.resourceServer.tokenValidation else {
            Issue.record("expected JWT validation through AS metadata")
            return
        }
    }

    @Test("a stdio upstream with arguments, introspection, and a default tool scope from the environment")
    func stdioAndIntrospection() async throws {
        let yaml = """
            gateway:
              resource: https://gateway.example/mcp
              authorization_server: https://as.example
              upstream:
                command: python3
                arguments: -u server.py
              tool_scopes: "a=x"
              token_validation: introspection
              introspection:
                endpoint: https://as.example/introspect
                client_id: gateway
            """
        let settings = try await Self.gateway(
            yaml, environment: ["ZEROTOUCH_GATEWAY_INTROSPECTION_CLIENT_SECRET": "s", "ZEROTOUCH_GATEWAY_DEFAULT_TOOL_SCOPE": "y"])
        #expect(settings.upstream == .stdio(command: "python3", arguments: ["-u", "server.py"]))
        #expect(settings.toolPolicy.unlistedTools == .require(["y"]))
        guard case .introspection(let endpoint, let clientID, let secret) = settings.resourceServer.tokenValidation else {
            Issue.record("expected introspection")
            return
        }
        #expect(endpoint.absoluteString == "https://as.example/introspect")
        #expect(clientID == "gateway")
        #expect(secret.unredactedValue == "s")
    }

    @Test("every mistake is reported with its key")
    func problems() async throws {
        let yaml = """
            gateway:
              resource: http://gateway.example/mcp
              upstream:
                url: http://127.0.0.1:9000/mcp
                command: python3
              tool_scopes: "broken"
              algorithms: ES256 HS256
              identity_headers:
                user: "bad header"
            """
        do {
            _ = try await Self.gateway(yaml)
            Issue.record("expected problems")
        } catch let error as ConfigurationInvalid {
            let keys = Set(error.report.problems.map(\.key))
            #expect(keys == [
                "gateway.resource", "gateway.authorization_server", "gateway.upstream.url", "gateway.tool_scopes", "gateway.algorithms",
                "gateway.identity_headers.user",
            ])
        }
    }
}
