import Foundation
import Testing
import ZeroTouchIdP
import ZeroTouchServer
@testable import ZeroTouchCommands

/// `idp.console.admin_group`: who may use the web admin console (issue 10).
@Suite("Console admin group setting")
struct ConsoleAdminGroupSettingTests {
    private static func settings(_ extra: [String: String]) async throws -> IdPCommandSettings {
        let environment = ["ZEROTOUCH_IDP_ISSUER": "http://127.0.0.1:9400"].merging(extra) { $1 }
        let source = try await ConfigurationSource.load(filePath: nil, environment: environment)
        return try SettingsReader.load(from: source) { IdPCommandSettings(reading: &$0) }.settings
    }

    @Test("the default admin group is idp-admins")
    func defaultGroup() async throws {
        #expect(try await Self.settings([:]).idp.options.consoleAdminGroup == "idp-admins")
    }

    @Test("the environment names another group")
    func configuredGroup() async throws {
        let settings = try await Self.settings(["ZEROTOUCH_IDP_CONSOLE_ADMIN_GROUP": "secops"])
        #expect(settings.idp.options.consoleAdminGroup == "secops")
    }

    @Test("the dev organization seeds its console admin into the default group")
    func devSeedsAnAdmin() throws {
        let admin = try #require(DevOrganization.account(DevOrganization.consoleAdmin))
        #expect(admin.group.rawValue == IdPOptions.defaultConsoleAdminGroup)
    }
}
