import Foundation
import Testing
import ZeroTouchStorage

/// Parsing `postgres://` URLs, and never showing their password.
@Suite("PostgreSQL configuration")
struct PostgresConfigurationTests {
    @Test("every part of a full URL is read, percent-decoded")
    func fullURL() throws {
        let configuration = try PostgresConfiguration(
            url: "postgresql://zt%40ops:p%40ss%2Fw0rd@db.internal:6543/zero%20touch?sslmode=require&schema=zerotouch"
                + "&application_name=idp-1&connect_timeout=2.5&acquire_timeout=3&pool_max=7")
        #expect(configuration.host == "db.internal")
        #expect(configuration.port == 6543)
        #expect(configuration.username == "zt@ops")
        #expect(configuration.password == "p@ss/w0rd")
        #expect(configuration.database == "zero touch")
        #expect(configuration.tlsMode == .require)
        #expect(configuration.schema == "zerotouch")
        #expect(configuration.applicationName == "idp-1")
        #expect(configuration.connectTimeout == .milliseconds(2500))
        #expect(configuration.acquireTimeout == .seconds(3))
        #expect(configuration.maximumConnections == 7)
    }

    @Test("the port defaults to 5432 and the database to the user name")
    func defaults() throws {
        let configuration = try PostgresConfiguration(url: "postgres://alice@127.0.0.1")
        #expect(configuration.port == 5432)
        #expect(configuration.database == "alice")
        #expect(configuration.password == nil)
        #expect(configuration.schema == nil)
    }

    @Test("without sslmode, loopback hosts get plain TCP and other hosts TLS", arguments: [
        ("127.0.0.1", PostgresConfiguration.TLSMode.disable), ("localhost", .disable), ("[::1]", .disable),
        ("db.example.com", .require), ("10.0.0.5", .require),
    ])
    func defaultTLS(host: String, mode: PostgresConfiguration.TLSMode) throws {
        #expect(try PostgresConfiguration(url: "postgres://u:p@\(host):5432/db").tlsMode == mode)
    }

    @Test("the description redacts the password")
    func descriptionRedactsPassword() throws {
        let configuration = try PostgresConfiguration(url: "postgres://zt:hunter2-secret@db.example.com/zerotouch?schema=zt")
        #expect(configuration.description == "postgres://zt:***@db.example.com:5432/zerotouch?sslmode=require&schema=zt")
        #expect(!"\(configuration)".contains("hunter2"))
        #expect(!StorageLocation.postgres(configuration).description.contains("hunter2"))
    }

    @Test(
        "unusable URLs are refused without quoting the password",
        arguments: [
            "mysql://u:hunter2-secret@h/db", "postgres://:hunter2-secret@h/db", "postgres://u:hunter2-secret@/db",
            "postgres://u:hunter2-secret@h/db?sslmode=prefer", "postgres://u:hunter2-secret@h/db?sslmod=disable",
            "postgres://u:hunter2-secret@h/db?schema=Bad-Name", "postgres://u:hunter2-secret@h/db?pool_max=0",
            "postgres://u:hunter2-secret@h/db?connect_timeout=abc", "postgres://u:hunter2-secret@h/a/b",
            "postgres://u:hunter2-secret@h/db?sslmode=disable&sslmode=require", "postgres://u:hunter2-secret@h:0/db",
        ])
    func invalidURLs(url: String) throws {
        let error = try #require(throws: StorageError.self) { try PostgresConfiguration(url: url) }
        guard case .invalidStorageURL = error else {
            Issue.record("expected invalidStorageURL, got \(error)")
            return
        }
        #expect(!error.description.contains("hunter2"))
    }
}
