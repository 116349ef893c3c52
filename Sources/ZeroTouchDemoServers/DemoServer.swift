public import ZeroTouchCore
public import ZeroTouchResourceServer
public import ZeroTouchStorage

/// The two demo MCP servers, each with its own SQLite data in the data directory.
public enum DemoServer: String, Sendable, CaseIterable {
    /// The issue tracker (`issues.read`, `issues.write`).
    case issues
    /// The wiki (`docs.read`, `docs.write`).
    case docs

    /// Every scope the server's tools use, for `scopes_supported`.
    public var scopes: Scope {
        switch self {
        case .issues: IssuesServer.readScope.union(IssuesServer.writeScope)
        case .docs: DocsServer.readScope.union(DocsServer.writeScope)
        }
    }

    /// The default port of `zerotouch mcp serve <server>`.
    public var defaultPort: Int {
        switch self {
        case .issues: 8091
        case .docs: 8092
        }
    }

    /// The server definition over its data in `directory` (opened, created and migrated here).
    /// - Throws: a file system or database error.
    public func definition(dataDirectory directory: DataDirectory, clock: any WallClock = SystemClock()) throws -> MCPServerDefinition {
        switch self {
        case .issues: IssuesServer.definition(store: try IssueStore(directory: directory, clock: clock))
        case .docs: DocsServer.definition(store: try DocStore(directory: directory, clock: clock))
        }
    }
}
