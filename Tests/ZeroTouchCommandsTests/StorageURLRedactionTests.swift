import Foundation
import Testing
import ZeroTouchServer
@testable import ZeroTouchCommands

/// `storage.url` may be `postgres://user:password@host/db`: the roles read it as a secret, so the
/// configuration report (documented as safe to print) never holds the password.
@Suite("storage.url is a secret")
struct StorageURLRedactionTests {
    static let url = "postgres://zt:hunter2-db-password@db.example:5432/zerotouch"
    static let environment = ["ZEROTOUCH_STORAGE_URL": url, "ZEROTOUCH_IDP_ISSUER": "http://127.0.0.1:9400"]

    static func source() async throws -> ConfigurationSource {
        try await ConfigurationSource.load(filePath: nil, environment: environment)
    }

    static func expectRedacted(_ report: ConfigurationReport) {
        #expect(!report.redactedText.contains("hunter2"))
        #expect(!report.redactedJSON.contains("hunter2"))
        #expect(report.entries.first { $0.key == "storage.url" }?.displayValue == "[secret]")
    }

    @Test("the authorization server's settings keep the URL but report it as [secret]")
    func authorizationServer() async throws {
        let (settings, report) = try SettingsReader.load(from: try await Self.source()) { ASSettings(reading: &$0) }
        #expect(settings.storageURL == Self.url)
        Self.expectRedacted(report)
    }

    @Test("the gateway's settings keep the URL but report it as [secret]")
    func gateway() async throws {
        var environment = Self.environment
        environment["ZEROTOUCH_GATEWAY_UPSTREAM"] = "http://127.0.0.1:9/mcp"
        let source = try await ConfigurationSource.load(filePath: nil, environment: environment)
        let reader = try? SettingsReader.load(from: source) { GatewayServeSettings(reading: &$0) }
        if let (settings, report) = reader {
            #expect(settings.storageURL == Self.url)
            Self.expectRedacted(report)
        } else {
            // Gateway keys this test does not set make the configuration invalid; the report must still be redacted.
            do {
                _ = try SettingsReader.load(from: source) { GatewayServeSettings(reading: &$0) }
            } catch {
                Self.expectRedacted(error.report)
            }
        }
    }

    @Test("the identity provider's settings keep the URL but report it as [secret]")
    func identityProvider() async throws {
        let source = try await Self.source()
        do {
            let (settings, report) = try SettingsReader.load(from: source) { IdPCommandSettings(reading: &$0) }
            #expect(settings.storageURL == Self.url)
            Self.expectRedacted(report)
        } catch {
            Self.expectRedacted(error.report)
        }
    }
}
