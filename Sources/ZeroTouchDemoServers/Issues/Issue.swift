public import Foundation

/// An issue of the demo tracker, with who opened and who closed it.
public struct Issue: Codable, Sendable, Equatable {
    /// The issue number.
    public var id: Int64
    /// One-line summary.
    public var title: String
    /// Description.
    public var body: String
    /// `open` or `closed`.
    public var state: String
    /// The user (`sub` of the verified token) who opened it.
    public var createdBy: String
    /// When it was opened.
    public var createdAt: Date
    /// The user who closed it.
    public var closedBy: String?
    /// When it was closed.
    public var closedAt: Date?
    /// Its comments, oldest first (filled by `get`).
    public var comments: [IssueComment]?

    enum CodingKeys: String, CodingKey {
        case id, title, body, state, comments
        case createdBy = "created_by"
        case createdAt = "created_at"
        case closedBy = "closed_by"
        case closedAt = "closed_at"
    }
}

/// A comment on an issue.
public struct IssueComment: Codable, Sendable, Equatable {
    /// The comment id.
    public var id: Int64
    /// The issue it belongs to.
    public var issueID: Int64
    /// The text.
    public var body: String
    /// The user who wrote it.
    public var author: String
    /// When.
    public var createdAt: Date

    enum CodingKeys: String, CodingKey {
        case id, body, author
        case issueID = "issue_id"
        case createdAt = "created_at"
    }
}
