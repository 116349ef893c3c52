import Foundation
import ZeroTouchCore

extension RegisteredClient {
    /// The longest redirect URI accepted, registered or presented.
    public static let maximumRedirectURILength = 2048

    /// Whether `presented` may receive the authorization response (RFC 6749 §3.1.2; open redirects are impossible).
    ///
    /// - A registered URI matches when it is the same string (RFC 6749 §3.1.2.3 simple string comparison).
    /// - For a native client, a registered `http://127.0.0.1/…` or `http://[::1]/…` URI also matches the
    ///   same URI on any port (RFC 8252 §7.3): same scheme `http`, same literal host, same path and query,
    ///   no user info, no fragment. `localhost` gets no such latitude (RFC 8252 §8.3 says NOT RECOMMENDED),
    ///   and a host such as `127.0.0.1.evil.com` is another host.
    public func acceptsRedirectURI(_ presented: String) -> Bool {
        guard presented.utf8.count <= Self.maximumRedirectURILength else { return false }
        if redirectURIs.contains(presented) { return true }
        guard applicationType == .native, let candidate = LoopbackRedirect(presented) else { return false }
        return redirectURIs.contains { LoopbackRedirect($0)?.matches(candidate) == true }
    }
}

/// An `http` redirect URI on a loopback IP literal, split into the parts RFC 8252 §7.3 compares.
struct LoopbackRedirect: Equatable {
    var host: String
    var path: String
    var query: String?

    init?(_ string: String) {
        guard let components = URLComponents(string: string), components.scheme == "http",
            components.user == nil, components.password == nil, components.fragment == nil,
            let host = components.host, host == "127.0.0.1" || host == "[::1]" || host == "::1"
        else { return nil }
        if let port = components.port, !(1...65535).contains(port) { return nil }
        self.host = host == "::1" ? "[::1]" : host
        self.path = components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath
        self.query = components.percentEncodedQuery
    }

    /// Same host, path and query; the port may differ.
    func matches(_ other: LoopbackRedirect) -> Bool { self == other }
}
