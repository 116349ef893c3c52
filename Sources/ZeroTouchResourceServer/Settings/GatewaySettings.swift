public import Foundation
public import ZeroTouchCore
public import ZeroTouchServer

/// The settings of `zerotouch gateway serve`: the protected-resource keys under `gateway.`
/// (`ResourceServerSettings`) plus:
///
/// | key | default | meaning |
/// |---|---|---|
/// | `gateway.upstream.url` | — | a Streamable HTTP upstream (one of `url` and `command`) |
/// | `gateway.upstream.command` | — | a stdio upstream, started per session |
/// | `gateway.upstream.arguments` | none | its arguments, separated by spaces |
/// | `gateway.upstream.timeout` | `300s` | how long the upstream may take to answer |
/// | `gateway.tool_scopes` | required | `tool=scope [scope…]` entries separated by `;` |
/// | `gateway.default_tool_scope` | none | the scope of unlisted tools; unset: they are refused |
/// | `gateway.identity_headers.user` … `.client`, `.scope`, `.token_id`, `.issuer` | `X-ZeroTouch-…` | header names; `none` leaves one out |
public struct GatewaySettings: Sendable {
    /// The protected-resource settings.
    public var resourceServer: ResourceServerSettings
    /// The upstream.
    public var upstream: GatewayUpstream
    /// The tool policy.
    public var toolPolicy: ToolScopePolicy
    /// The identity headers.
    public var identityHeaders: IdentityHeaders
    /// The upstream time limit.
    public var upstreamTimeout: Duration

    /// Reads the `gateway.` keys.
    public init(reading reader: inout SettingsReader, endpointPolicy: EndpointPolicy) {
        resourceServer = ResourceServerSettings(reading: &reader, prefix: "gateway", endpointPolicy: endpointPolicy)
        let url = reader.optionalURL("gateway.upstream.url", policy: endpointPolicy)
        let command = reader.optionalString("gateway.upstream.command")
        let arguments = (reader.optionalString("gateway.upstream.arguments") ?? "").split(separator: " ").map(String.init)
        switch (url, command) {
        case (let url?, nil): upstream = .http(url)
        case (nil, let command?): upstream = .stdio(command: command, arguments: arguments)
        default:
            reader.report("gateway.upstream.url", "set exactly one of gateway.upstream.url and gateway.upstream.command")
            upstream = .stdio(command: "", arguments: [])
        }
        upstreamTimeout = reader.duration("gateway.upstream.timeout", in: .seconds(1)...(.seconds(3600)), default: .seconds(300))
        let toolScopes = Self.readToolScopes(&reader)
        let unlisted = ResourceServerSettings.readScope(&reader, key: "gateway.default_tool_scope").map(ToolScopePolicy.UnlistedTools.require) ?? .deny
        toolPolicy = ToolScopePolicy(toolScopes: toolScopes, unlistedTools: unlisted)
        let defaults = IdentityHeaders()
        func header(_ name: String, _ fallback: String?) -> String? {
            let value = reader.string("gateway.identity_headers.\(name)", default: fallback ?? "none")
            guard value != "none" else { return nil }
            if HTTPHeaderNameCheck.isValid(value) { return value }
            reader.report("gateway.identity_headers.\(name)", "must be a header name (RFC 9110 token) or none")
            return nil
        }
        identityHeaders = IdentityHeaders(
            user: header("user", defaults.user), client: header("client", defaults.client), scope: header("scope", defaults.scope),
            tokenID: header("token_id", defaults.tokenID), issuer: header("issuer", defaults.issuer))
    }

    /// The gateway configuration.
    public var configuration: GatewayConfiguration {
        GatewayConfiguration(
            resource: resourceServer.protectedResource(defaultScopes: toolPolicy.allScopes), path: resourceServer.path, upstream: upstream,
            toolPolicy: toolPolicy, identityHeaders: identityHeaders, allowedOrigins: resourceServer.allowedOrigins,
            upstreamTimeout: upstreamTimeout)
    }

    /// Parses `tool=scope [scope…]; tool=…`.
    static func readToolScopes(_ reader: inout SettingsReader) -> [String: Scope] {
        let key = "gateway.tool_scopes"
        var result: [String: Scope] = [:]
        for entry in reader.string(key).split(separator: ";") {
            let parts = entry.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, let scope = try? Scope(parsing: parts[1]), !scope.isEmpty else {
                reader.report(key, "entries must be tool=scope [scope...] separated by ;")
                continue
            }
            result[parts[0]] = scope
        }
        return result
    }
}

/// Checks configured header names (RFC 9110 §5.1 `field-name = token`).
enum HTTPHeaderNameCheck {
    static func isValid(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.allSatisfy { BearerCredentials.isTokenCharacter($0) }
    }
}
