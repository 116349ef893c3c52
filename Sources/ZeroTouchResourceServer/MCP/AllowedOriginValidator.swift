import MCP

/// Refuses a request whose `Origin` header is not an allowed origin (MCP "Streamable HTTP —
/// Security Warning": servers MUST validate `Origin` against DNS rebinding). Requests without
/// `Origin` (non-browser clients) pass. Answers 403 with a JSON-RPC error.
struct AllowedOriginValidator: HTTPRequestValidator {
    /// Exact origins (`https://app.example`), compared case-insensitively.
    let allowedOrigins: Set<String>

    init(allowedOrigins: [String]) { self.allowedOrigins = Set(allowedOrigins.map { $0.lowercased() }) }

    func validate(_ request: HTTPRequest, context: HTTPValidationContext) -> HTTPResponse? {
        guard let origin = request.header(HTTPHeaderName.origin) else { return nil }
        guard allowedOrigins.contains(origin.lowercased()) else {
            return .error(statusCode: 403, .invalidRequest("Forbidden: Origin not allowed"), sessionID: context.sessionID)
        }
        return nil
    }
}
