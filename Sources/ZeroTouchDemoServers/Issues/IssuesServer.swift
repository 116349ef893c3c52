import MCP
public import ZeroTouchCore
public import ZeroTouchResourceServer

/// The demo issue tracker as an MCP server: `list_issues`, `search_issues`, `get_issue`
/// (scope `issues.read`), `create_issue`, `comment_on_issue`, `close_issue` (scope
/// `issues.write`). Every change records the verified user as its author.
public enum IssuesServer {
    /// Read access.
    public static let readScope: Scope = ["issues.read"]
    /// Write access.
    public static let writeScope: Scope = ["issues.write"]

    /// The server definition over `store`.
    public static func definition(store: IssueStore) -> MCPServerDefinition {
        MCPServerDefinition(
            name: "zerotouch-issues", version: "1.0.0", title: "ZeroTouch demo issue tracker",
            instructions: "Track issues: list, search, read, open, comment on and close them.",
            tools: [list(store), search(store), get(store), create(store), comment(store), close(store)])
    }

    private static func list(_ store: IssueStore) -> MCPToolDefinition {
        let schema = JSONSchema.object([
            "state": JSONSchema.enumeration(["open", "closed"], "Only issues in this state"),
            "limit": JSONSchema.integer("At most this many (1-100, default 20)"),
        ])
        return MCPToolDefinition(
            Tool(name: "list_issues", description: "List issues, newest first.", inputSchema: schema, annotations: .init(readOnlyHint: true)),
            requiredScope: readScope
        ) { arguments, _ in
            let arguments = ToolArguments(arguments)
            let state = arguments.optionalString("state")
            guard state == nil || state == "open" || state == "closed" else { throw MCPToolError("'state' must be open or closed") }
            return try MCPToolResult.json(IssueList(issues: try await store.list(state: state, limit: try arguments.integer("limit", in: 1...100) ?? 20)))
        }
    }

    private static func search(_ store: IssueStore) -> MCPToolDefinition {
        let schema = JSONSchema.object(["query": JSONSchema.string("Text to find in titles and bodies")], required: ["query"])
        return MCPToolDefinition(
            Tool(name: "search_issues", description: "Find issues by text.", inputSchema: schema, annotations: .init(readOnlyHint: true)),
            requiredScope: readScope
        ) { arguments, _ in
            let query = try ToolArguments(arguments).string("query", maximumLength: 200)
            return try MCPToolResult.json(IssueList(issues: try await store.search(query, limit: 50)))
        }
    }

    private static func get(_ store: IssueStore) -> MCPToolDefinition {
        let schema = JSONSchema.object(["issue_id": JSONSchema.integer("The issue number")], required: ["issue_id"])
        return MCPToolDefinition(
            Tool(name: "get_issue", description: "Read one issue with its comments.", inputSchema: schema, annotations: .init(readOnlyHint: true)),
            requiredScope: readScope
        ) { arguments, _ in
            let id = try ToolArguments(arguments).requiredInteger("issue_id", in: 1...Int.max)
            guard let issue = try await store.issue(Int64(id)) else { throw MCPToolError("no issue #\(id)") }
            return try MCPToolResult.json(issue)
        }
    }

    private static func create(_ store: IssueStore) -> MCPToolDefinition {
        let schema = JSONSchema.object(
            ["title": JSONSchema.string("One-line summary"), "body": JSONSchema.string("Description")], required: ["title"])
        return MCPToolDefinition(
            Tool(name: "create_issue", description: "Open an issue as the signed-in user.", inputSchema: schema),
            requiredScope: writeScope
        ) { arguments, caller in
            let arguments = ToolArguments(arguments)
            let title = try arguments.string("title", maximumLength: 200)
            let body = arguments.optionalString("body") ?? ""
            guard body.count <= 65_536 else { throw MCPToolError("'body' must be at most 65536 characters") }
            return try MCPToolResult.json(try await store.create(title: title, body: body, by: caller.subject))
        }
    }

    private static func comment(_ store: IssueStore) -> MCPToolDefinition {
        let schema = JSONSchema.object(
            ["issue_id": JSONSchema.integer("The issue number"), "body": JSONSchema.string("The comment")], required: ["issue_id", "body"])
        return MCPToolDefinition(
            Tool(name: "comment_on_issue", description: "Comment on an issue as the signed-in user.", inputSchema: schema),
            requiredScope: writeScope
        ) { arguments, caller in
            let arguments = ToolArguments(arguments)
            let id = try arguments.requiredInteger("issue_id", in: 1...Int.max)
            let body = try arguments.string("body", maximumLength: 65_536)
            guard let comment = try await store.comment(on: Int64(id), body: body, by: caller.subject) else { throw MCPToolError("no issue #\(id)") }
            return try MCPToolResult.json(comment)
        }
    }

    private static func close(_ store: IssueStore) -> MCPToolDefinition {
        let schema = JSONSchema.object(["issue_id": JSONSchema.integer("The issue number")], required: ["issue_id"])
        return MCPToolDefinition(
            Tool(name: "close_issue", description: "Close an issue as the signed-in user.", inputSchema: schema, annotations: .init(idempotentHint: true)),
            requiredScope: writeScope
        ) { arguments, caller in
            let id = try ToolArguments(arguments).requiredInteger("issue_id", in: 1...Int.max)
            guard let issue = try await store.close(Int64(id), by: caller.subject) else { throw MCPToolError("no issue #\(id)") }
            return try MCPToolResult.json(issue)
        }
    }
}

/// The `structuredContent` of list and search results (an object, as MCP requires).
struct IssueList: Codable, Sendable {
    var issues: [Issue]
}
