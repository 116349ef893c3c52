public import ZeroTouchCore

/// The three MCP servers of the dev organization's catalog.
public enum DevServer: String, CaseIterable, Sendable, Codable {
    /// The issues demo server (list, search, create, comment, close).
    case issues
    /// The docs demo server (search, read, write pages).
    case docs
    /// A notes server that knows nothing about OAuth, put behind the gateway.
    case notes

    /// The catalog name and id: the CLI's SERVER argument.
    public var name: String { rawValue }

    /// What the catalog says about the server.
    public var summary: String {
        switch self {
        case .issues: "Issue tracker: list, search, create, comment on and close issues."
        case .docs: "Documentation: search, read and write pages."
        case .notes: "Team notes, an unmodified MCP server behind the ZeroTouch gateway."
        }
    }

    /// The scopes the server defines (RFC 6749 §3.3), read first.
    public var scopes: [String] { [readScope, writeScope] }
    /// The scope that lets a user read.
    public var readScope: String { "\(rawValue).read" }
    /// The scope that lets a user change things.
    public var writeScope: String { "\(rawValue).write" }
    /// Every scope as a `Scope`.
    public var allScopes: Scope { Scope(scopes) }
}
