import ZeroTouchDemoServers
import ZeroTouchResourceServer
import ZeroTouchServer

/// The keys of `zerotouch mcp serve`: `CommonSettings` (port 8091 for issues, 8092 for docs) and
/// the protected-resource keys under `mcp.` (`ResourceServerSettings`).
struct MCPServeSettings: Sendable {
    var common: CommonSettings
    var resourceServer: ResourceServerSettings

    init(reading reader: inout SettingsReader, demo: DemoServer) {
        common = CommonSettings(reading: &reader, defaultPort: demo.defaultPort)
        resourceServer = ResourceServerSettings(reading: &reader, prefix: "mcp", endpointPolicy: common.endpointPolicy)
    }

    /// Loads `--config` (or `$ZEROTOUCH_CONFIG`) under the environment.
    /// - Throws: `ConfigurationLoadError`, or `ConfigurationInvalid` listing every problem.
    static func load(configPath: String?, demo: DemoServer, io: CommandIO) async throws -> MCPServeSettings {
        let source = try await ConfigurationSource.load(filePath: configPath ?? io.environment["ZEROTOUCH_CONFIG"], environment: io.environment)
        return try SettingsReader.load(from: source) { reader in MCPServeSettings(reading: &reader, demo: demo) }.settings
    }
}
