import Foundation

/// Whether a protected resource identifier names the MCP endpoint that was called (RFC 9728 §3.3,
/// MCP 2025-11-25 "Canonical Server URI").
///
/// The identifier matches when it is the endpoint URL exactly, or when it has the same scheme,
/// host and port and its path is a whole-segment prefix of the endpoint's path (`https://h/` and
/// `https://h/mcp` both identify `https://h/mcp`; `https://h/m` does not). So a server can only
/// claim a resource on its own origin: a token minted for that resource is never one meant for
/// someone else. The identifier itself flows into the token exchange verbatim (decisions X-3).
enum ResourceMatch {
    /// Whether `resource` identifies `endpoint`.
    static func resource(_ resource: String, identifies endpoint: String) -> Bool {
        if resource == endpoint { return true }
        guard let r = URLComponents(string: resource), let e = URLComponents(string: endpoint),
            let rScheme = r.scheme?.lowercased(), rScheme == e.scheme?.lowercased(),
            let rHost = r.host?.lowercased(), rHost == e.host?.lowercased(),
            effectivePort(r) == effectivePort(e), r.query == nil, r.fragment == nil, r.user == nil
        else { return false }
        var path = r.path
        while path.hasSuffix("/") { path.removeLast() }
        return path.isEmpty || e.path == path || e.path.hasPrefix(path + "/")
    }

    /// The port, or the scheme's default (RFC 9110 §4.2).
    static func effectivePort(_ components: URLComponents) -> Int? {
        if let port = components.port { return port }
        switch components.scheme?.lowercased() {
        case "https": return 443
        case "http": return 80
        default: return nil
        }
    }

    /// `scheme://host:port` of `url`, lower-cased, with the default port made explicit; `nil` if not absolute.
    static func origin(of url: String) -> String? {
        guard let c = URLComponents(string: url), let scheme = c.scheme?.lowercased(), let host = c.host?.lowercased(),
            let port = effectivePort(c)
        else { return nil }
        return "\(scheme)://\(host):\(port)"
    }
}
