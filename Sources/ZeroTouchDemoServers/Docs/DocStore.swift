import Foundation
import GRDB
public import ZeroTouchCore
public import ZeroTouchStorage

/// The wiki's data in its own SQLite file (`demo-docs.sqlite`): pages and every revision, each
/// recording the verified user who wrote it.
public final class DocStore: Sendable {
    private let pool: DatabasePool
    private let clock: any WallClock

    /// Opens (creating and migrating) the wiki in `directory`.
    /// - Throws: a file system or GRDB error.
    public init(directory: DataDirectory, clock: any WallClock = SystemClock()) throws {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1.pages") { db in
            try db.execute(sql: """
                CREATE TABLE pages (
                    slug TEXT PRIMARY KEY, title TEXT NOT NULL, body TEXT NOT NULL, version INTEGER NOT NULL,
                    created_by TEXT NOT NULL, updated_by TEXT NOT NULL, updated_at REAL NOT NULL
                );
                CREATE TABLE page_revisions (
                    slug TEXT NOT NULL REFERENCES pages(slug), version INTEGER NOT NULL, title TEXT NOT NULL, body TEXT NOT NULL,
                    author TEXT NOT NULL, written_at REAL NOT NULL, PRIMARY KEY (slug, version)
                );
                """)
        }
        self.pool = try DemoDatabase.open(named: "docs", in: directory, migrator: migrator)
        self.clock = clock
    }

    /// Pages whose title or body contains `query`, by title.
    public func search(_ query: String, limit: Int) async throws -> [DocSearchHit] {
        let pattern = DemoDatabase.containsPattern(query)
        return try await pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT slug, title, substr(body, 1, 200) AS excerpt FROM pages WHERE title LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\' ORDER BY title LIMIT ?",
                arguments: [pattern, pattern, limit]
            ).map { DocSearchHit(slug: $0["slug"], title: $0["title"], excerpt: $0["excerpt"]) }
        }
    }

    /// The page at `slug`, or `nil`.
    public func page(_ slug: String) async throws -> DocPage? {
        try await pool.read { db in try Row.fetchOne(db, sql: "SELECT * FROM pages WHERE slug = ?", arguments: [slug]).map(Self.page) }
    }

    /// Creates or replaces the page at `slug` as `user`, keeping the previous versions.
    @discardableResult
    public func write(slug: String, title: String, body: String, by user: Subject) async throws -> DocPage {
        let now = clock.now
        return try await pool.write { db in
            let current = try Row.fetchOne(db, sql: "SELECT * FROM pages WHERE slug = ?", arguments: [slug]).map(Self.page)
            let page = DocPage(
                slug: slug, title: title, body: body, version: (current?.version ?? 0) + 1, createdBy: current?.createdBy ?? user.rawValue,
                updatedBy: user.rawValue, updatedAt: now)
            try db.execute(
                sql: """
                    INSERT INTO pages (slug, title, body, version, created_by, updated_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (slug) DO UPDATE SET title = excluded.title, body = excluded.body, version = excluded.version,
                    updated_by = excluded.updated_by, updated_at = excluded.updated_at
                    """,
                arguments: [slug, title, body, page.version, page.createdBy, page.updatedBy, now.timeIntervalSince1970])
            try db.execute(
                sql: "INSERT INTO page_revisions (slug, version, title, body, author, written_at) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [slug, page.version, title, body, user.rawValue, now.timeIntervalSince1970])
            return page
        }
    }

    /// The authors of every version of `slug`, oldest first.
    public func revisionAuthors(_ slug: String) async throws -> [String] {
        try await pool.read { db in
            try String.fetchAll(db, sql: "SELECT author FROM page_revisions WHERE slug = ? ORDER BY version", arguments: [slug])
        }
    }

    private static func page(_ row: Row) -> DocPage {
        DocPage(
            slug: row["slug"], title: row["title"], body: row["body"], version: row["version"], createdBy: row["created_by"],
            updatedBy: row["updated_by"], updatedAt: Date(timeIntervalSince1970: row["updated_at"]))
    }
}
