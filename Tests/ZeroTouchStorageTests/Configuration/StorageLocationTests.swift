import Foundation
import Testing
import ZeroTouchStorage

/// `storage.url` selects SQLite (the default) or PostgreSQL.
@Suite("Storage location")
struct StorageLocationTests {
    private let dataDirectory = DataDirectory(path: "/var/lib/zerotouch")

    @Test("unset, empty and bare sqlite: select SQLite in the data directory", arguments: [nil, "", "  ", "sqlite:"])
    func defaultIsSQLite(url: String?) throws {
        #expect(try StorageLocation(url: url, dataDirectory: dataDirectory) == .sqlite(dataDirectory))
    }

    @Test("sqlite: with a path, or a bare path, selects that directory", arguments: [
        ("sqlite:/srv/zt", "/srv/zt"), ("sqlite:///srv/zt", "/srv/zt"), ("/srv/zt", "/srv/zt"), ("SQLITE:/srv/zt", "/srv/zt"),
    ])
    func sqlitePaths(url: String, path: String) throws {
        #expect(try StorageLocation(url: url, dataDirectory: dataDirectory) == .sqlite(DataDirectory(path: path)))
    }

    @Test("postgres:// selects PostgreSQL, and its description hides the password")
    func postgres() throws {
        let location = try StorageLocation(url: "postgres://zt:hunter2@db.example.com/zt", dataDirectory: dataDirectory)
        guard case .postgres(let configuration) = location else {
            Issue.record("expected PostgreSQL, got \(location)")
            return
        }
        #expect(configuration.host == "db.example.com")
        #expect(location.description == "postgres://zt:***@db.example.com:5432/zt?sslmode=require")
    }

    @Test("other schemes are refused", arguments: ["mysql://h/db", "sqlite://relative", "zerotouch.sqlite", "http://h"])
    func otherSchemes(url: String) throws {
        #expect(throws: StorageError.self) { try StorageLocation(url: url, dataDirectory: dataDirectory) }
    }
}
