public import Foundation
import GRDB
public import ZeroTouchCore
public import ZeroTouchStorage

/// The issue tracker's data in its own SQLite file (`demo-issues.sqlite`): issues and comments,
/// each recording the verified user who acted.
public final class IssueStore: Sendable {
    private let pool: DatabasePool
    private let clock: any WallClock

    /// Opens (creating and migrating) the tracker in `directory`.
    /// - Throws: a file system or GRDB error.
    public init(directory: DataDirectory, clock: any WallClock = SystemClock()) throws {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1.issues") { db in
            try db.execute(sql: """
                CREATE TABLE issues (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, title TEXT NOT NULL, body TEXT NOT NULL,
                    state TEXT NOT NULL CHECK (state IN ('open', 'closed')), created_by TEXT NOT NULL, created_at REAL NOT NULL,
                    closed_by TEXT, closed_at REAL
                );
                CREATE TABLE issue_comments (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, issue_id INTEGER NOT NULL REFERENCES issues(id), body TEXT NOT NULL,
                    author TEXT NOT NULL, created_at REAL NOT NULL
                );
                CREATE INDEX issue_comments_by_issue ON issue_comments (issue_id, id);
                """)
        }
        self.pool = try DemoDatabase.open(named: "issues", in: directory, migrator: migrator)
        self.clock = clock
    }

    /// Issues, newest first, optionally only `open` or `closed` ones; at most `limit`.
    public func list(state: String?, limit: Int) async throws -> [Issue] {
        try await pool.read { db in
            let filter = state == nil ? "" : "WHERE state = ?"
            let arguments: StatementArguments = state.map { [$0, limit] } ?? [limit]
            return try Row.fetchAll(db, sql: "SELECT * FROM issues \(filter) ORDER BY id DESC LIMIT ?", arguments: arguments).map(Self.issue)
        }
    }

    /// Issues whose title or body contains `query` (case-insensitive for ASCII), newest first.
    public func search(_ query: String, limit: Int) async throws -> [Issue] {
        let pattern = DemoDatabase.containsPattern(query)
        return try await pool.read { db in
            try Row.fetchAll(
                db, sql: "SELECT * FROM issues WHERE title LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\' ORDER BY id DESC LIMIT ?",
                arguments: [pattern, pattern, limit]
            ).map(Self.issue)
        }
    }

    /// One issue with its comments, or `nil`.
    public func issue(_ id: Int64) async throws -> Issue? {
        try await pool.read { db in
            guard var issue = try Row.fetchOne(db, sql: "SELECT * FROM issues WHERE id = ?", arguments: [id]).map(Self.issue) else { return nil }
            issue.comments = try Row.fetchAll(db, sql: "SELECT * FROM issue_comments WHERE issue_id = ? ORDER BY id", arguments: [id]).map(Self.comment)
            return issue
        }
    }

    /// Opens an issue as `user`.
    @discardableResult
    public func create(title: String, body: String, by user: Subject) async throws -> Issue {
        let now = clock.now
        let id = try await pool.write { db in
            try db.execute(
                sql: "INSERT INTO issues (title, body, state, created_by, created_at) VALUES (?, ?, 'open', ?, ?)",
                arguments: [title, body, user.rawValue, now.timeIntervalSince1970])
            return db.lastInsertedRowID
        }
        return Issue(id: id, title: title, body: body, state: "open", createdBy: user.rawValue, createdAt: now)
    }

    /// Adds a comment by `user`; `nil` when the issue does not exist.
    @discardableResult
    public func comment(on issueID: Int64, body: String, by user: Subject) async throws -> IssueComment? {
        let now = clock.now
        return try await pool.write { db in
            guard try Int64.fetchOne(db, sql: "SELECT id FROM issues WHERE id = ?", arguments: [issueID]) != nil else { return nil }
            try db.execute(
                sql: "INSERT INTO issue_comments (issue_id, body, author, created_at) VALUES (?, ?, ?, ?)",
                arguments: [issueID, body, user.rawValue, now.timeIntervalSince1970])
            return IssueComment(id: db.lastInsertedRowID, issueID: issueID, body: body, author: user.rawValue, createdAt: now)
        }
    }

    /// Closes an open issue as `user`; `nil` when it does not exist. Closing a closed issue keeps
    /// who closed it first.
    @discardableResult
    public func close(_ issueID: Int64, by user: Subject) async throws -> Issue? {
        let now = clock.now
        try await pool.write { db in
            try db.execute(
                sql: "UPDATE issues SET state = 'closed', closed_by = ?, closed_at = ? WHERE id = ? AND state = 'open'",
                arguments: [user.rawValue, now.timeIntervalSince1970, issueID])
        }
        return try await issue(issueID)
    }

    private static func issue(_ row: Row) -> Issue {
        Issue(
            id: row["id"], title: row["title"], body: row["body"], state: row["state"], createdBy: row["created_by"],
            createdAt: Date(timeIntervalSince1970: row["created_at"]), closedBy: row["closed_by"],
            closedAt: (row["closed_at"] as Double?).map(Date.init(timeIntervalSince1970:)))
    }

    private static func comment(_ row: Row) -> IssueComment {
        IssueComment(
            id: row["id"], issueID: row["issue_id"], body: row["body"], author: row["author"],
            createdAt: Date(timeIntervalSince1970: row["created_at"]))
    }
}
