import Foundation
import MCP
import Testing
import ZeroTouchClient
import ZeroTouchCore

/// "Log in once and connect to everything permitted": the IdP's catalog, every server at once.
@Suite("Connecting to the catalog")
struct CatalogTests {
    @Test("reports each server as connected with its tools, denied with the IdP's reason, or unreachable")
    func connectAll() async throws {
        let world = try MockWorld()
        try await world.run { _ in
            let mcp = world.read(\.mcpURL)
            let asURL = world.read(\.asURL)
            let offline = try await ClosedPort.url()
            world.update { state in
                state.options.deniedResources = [mcp + "/servers/payroll/mcp"]
                state.options.catalogJSON = """
                    {"servers":[
                      {"name":"issues","resource":"\(mcp)/servers/issues/mcp","authorization_server":"\(asURL)","scopes":["issues.read"]},
                      {"name":"payroll","resource":"\(mcp)/servers/payroll/mcp","authorization_server":"\(asURL)",
                       "scopes":[{"name":"payroll.read","description":"Read payroll"}]},
                      {"name":"offline","resource":"\(offline)","authorization_server":"\(asURL)","scopes":[]}
                    ]}
                    """
            }
            let catalog = ServerCatalogClient(issuer: Issuer(world.read(\.idpURL)))
            let entries = try await catalog.servers(accessToken: SecretValue("idp-access-token"))
            #expect(entries.map(\.name) == ["issues", "payroll", "offline"])
            #expect(entries[1].scopes == ["payroll.read"])
            let reports = try await world.connector().connectAll(entries)
            #expect(reports.map(\.status.name) == ["connected", "denied", "unreachable"])
            if case .connected(let tools) = reports[0].status { #expect(tools.map(\.name) == ["test-tool"]) }
            if case .denied(let denial) = reports[1].status { #expect(denial.auditReference == "audit-4711") }
            if case .unreachable(let error) = reports[2].status { #expect(error.code == .transportFailed) }
            #expect(reports[0].connection != nil && reports[1].connection == nil)
            for report in reports { await report.connection?.close() }
        }
        #expect(world.read(\.metadataRequests).count == 1, "one authorization server's metadata is read once")
    }

    @Test("the catalog needs the login's access token")
    func catalogNeedsLogin() async throws {
        let world = try MockWorld()
        try await world.run { _ in
            let catalog = ServerCatalogClient(issuer: Issuer(world.read(\.idpURL)))
            _ = await expectClientError(.loginRequired) { _ = try await catalog.servers(accessToken: SecretValue("stale")) }
        }
    }
}
