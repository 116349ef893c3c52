public import Foundation

/// Decides which URLs may be used as issuers and endpoints (EMA-S §7.3, decisions X-11).
///
/// `https` is required, except for loopback hosts (`127.0.0.0/8`, `::1`, `localhost`) so that
/// development and tests run without certificates. Plain `http` elsewhere needs the explicit,
/// loudly named `allowInsecureNonLoopbackHTTP` switch.
public struct EndpointPolicy: Sendable, Equatable {
    /// Whether `http` is accepted for hosts that are not loopback. Never on by default.
    public var allowInsecureNonLoopbackHTTP: Bool

    public init(allowInsecureNonLoopbackHTTP: Bool = false) {
        self.allowInsecureNonLoopbackHTTP = allowInsecureNonLoopbackHTTP
    }

    /// The default policy: `https`, or `http` on loopback only.
    public static let standard = EndpointPolicy()

    /// Why a URL was refused.
    public enum Violation: Error, Equatable, Sendable, CustomStringConvertible {
        case notAnAbsoluteURL(String)
        case insecureScheme(String)
        case hasFragment(String)
        case hasCredentials(String)

        public var description: String {
            switch self {
            case .notAnAbsoluteURL(let s): "'\(s)' is not an absolute http(s) URL"
            case .insecureScheme(let s): "'\(s)' must use https (http is allowed only for loopback hosts)"
            case .hasFragment(let s): "'\(s)' must not have a fragment"
            case .hasCredentials(let s): "'\(s)' must not carry user credentials"
            }
        }
    }

    /// Checks `string` and returns it as a URL.
    /// - Throws: `EndpointPolicy.Violation`.
    @discardableResult
    public func check(_ string: String) throws(Violation) -> URL {
        guard let components = URLComponents(string: string), let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty, let url = components.url
        else { throw .notAnAbsoluteURL(string) }
        guard components.fragment == nil else { throw .hasFragment(string) }
        guard components.user == nil, components.password == nil else { throw .hasCredentials(string) }
        switch scheme {
        case "https": return url
        case "http":
            guard Self.isLoopback(host: host) || allowInsecureNonLoopbackHTTP else { throw .insecureScheme(string) }
            return url
        default:
            throw .notAnAbsoluteURL(string)
        }
    }

    /// Whether `string` passes `check`.
    public func allows(_ string: String) -> Bool { (try? check(string)) != nil }

    /// Whether `host` names the loopback interface: `localhost`, `127.0.0.0/8` or `::1`.
    public static func isLoopback(host: String) -> Bool {
        let host = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        if host == "localhost" || host.hasSuffix(".localhost") || host == "::1" || host == "0:0:0:0:0:0:0:1" { return true }
        let octets = host.split(separator: ".", omittingEmptySubsequences: false)
        guard octets.count == 4, octets[0] == "127" else { return false }
        return octets.allSatisfy { UInt8($0) != nil }
    }
}
