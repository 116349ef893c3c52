import Testing
@testable import ZeroTouchClient

/// RFC 9728 §3.3: which protected resource identifiers name an MCP endpoint.
@Suite("Resource identifiers")
struct ResourceMatchTests {
    @Test("accepts the endpoint itself and whole-segment prefixes on the same origin", arguments: [
        ("https://h/mcp", "https://h/mcp"), ("https://h/", "https://h/mcp"), ("https://h", "https://h/mcp"),
        ("https://H:443/tenant", "https://h/tenant/mcp"), ("http://localhost:8080/mcp", "http://localhost:8080/mcp"),
    ])
    func accepts(resource: String, endpoint: String) {
        #expect(ResourceMatch.resource(resource, identifies: endpoint))
    }

    @Test("refuses other origins, partial segments, queries and other schemes", arguments: [
        ("https://h/m", "https://h/mcp"), ("https://evil/mcp", "https://h/mcp"), ("http://h/mcp", "https://h/mcp"),
        ("https://h:8443/mcp", "https://h/mcp"), ("https://h/mcp?x=1", "https://h/mcp"), ("https://h/mcp/other", "https://h/mcp"),
    ])
    func refuses(resource: String, endpoint: String) {
        #expect(!ResourceMatch.resource(resource, identifies: endpoint))
    }
}
