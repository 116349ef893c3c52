import MCP
public import ZeroTouchCore
public import ZeroTouchResourceServer

/// The demo wiki as an MCP server: `search_docs`, `read_page` (scope `docs.read`) and
/// `write_page` (scope `docs.write`). Every write records the verified user as its author.
public enum DocsServer {
    /// Read access.
    public static let readScope: Scope = ["docs.read"]
    /// Write access.
    public static let writeScope: Scope = ["docs.write"]

    /// The server definition over `store`.
    public static func definition(store: DocStore) -> MCPServerDefinition {
        MCPServerDefinition(
            name: "zerotouch-docs", version: "1.0.0", title: "ZeroTouch demo wiki",
            instructions: "Search, read and write wiki pages addressed by slug.",
            tools: [search(store), read(store), write(store)])
    }

    private static func search(_ store: DocStore) -> MCPToolDefinition {
        let schema = JSONSchema.object(["query": JSONSchema.string("Text to find in titles and bodies")], required: ["query"])
        return MCPToolDefinition(
            Tool(name: "search_docs", description: "Find pages by text.", inputSchema: schema, annotations: .init(readOnlyHint: true)),
            requiredScope: readScope
        ) { arguments, _ in
            let query = try ToolArguments(arguments).string("query", maximumLength: 200)
            return try MCPToolResult.json(DocSearchResult(pages: try await store.search(query, limit: 50)))
        }
    }

    private static func read(_ store: DocStore) -> MCPToolDefinition {
        let schema = JSONSchema.object(["slug": JSONSchema.string("The page's slug")], required: ["slug"])
        return MCPToolDefinition(
            Tool(name: "read_page", description: "Read a page.", inputSchema: schema, annotations: .init(readOnlyHint: true)),
            requiredScope: readScope
        ) { arguments, _ in
            let slug = try slug(ToolArguments(arguments))
            guard let page = try await store.page(slug) else { throw MCPToolError("no page '\(slug)'") }
            return try MCPToolResult.json(page)
        }
    }

    private static func write(_ store: DocStore) -> MCPToolDefinition {
        let schema = JSONSchema.object(
            ["slug": JSONSchema.string("The page's slug: a-z, 0-9 and dashes"), "title": JSONSchema.string("The title"),
             "body": JSONSchema.string("The text (Markdown)")],
            required: ["slug", "title", "body"])
        return MCPToolDefinition(
            Tool(name: "write_page", description: "Create or replace a page as the signed-in user.", inputSchema: schema),
            requiredScope: writeScope
        ) { arguments, caller in
            let arguments = ToolArguments(arguments)
            let slug = try slug(arguments)
            let title = try arguments.string("title", maximumLength: 200)
            let body = try arguments.string("body", maximumLength: 262_144)
            return try MCPToolResult.json(try await store.write(slug: slug, title: title, body: body, by: caller.subject))
        }
    }

    /// A slug: 1–100 of `a-z`, `0-9`, `-`.
    private static func slug(_ arguments: ToolArguments) throws -> String {
        let slug = try arguments.string("slug", maximumLength: 100)
        guard slug.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) else {
            throw MCPToolError("'slug' may contain only a-z, 0-9 and dashes")
        }
        return slug
    }
}

/// The `structuredContent` of a search.
struct DocSearchResult: Codable, Sendable {
    var pages: [DocSearchHit]
}
