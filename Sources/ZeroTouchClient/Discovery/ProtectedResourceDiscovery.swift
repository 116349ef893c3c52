import Foundation
import ZeroTouchCore

/// Finds an MCP server's protected resource metadata (RFC 9728; MCP 2025-11-25 "Protected
/// Resource Metadata Discovery Requirements", checklist C-2).
///
/// Order: the `resource_metadata` URL of the server's `Bearer` challenge when it sent one
/// (RFC 9728 §5.1); otherwise, or when that URL answers 404, the well-known URLs built from the
/// endpoint, path-inserted first and then the root (RFC 9728 §3.1). Every URL must pass the
/// endpoint policy before it is fetched. The first document found decides: its `resource` must
/// identify the endpoint (RFC 9728 §3.3, `ResourceMatch`) and it must name at least one
/// authorization server.
struct ProtectedResourceDiscovery: Sendable {
    var http: HTTPExchange

    /// The metadata for the MCP server at `endpoint`.
    /// - Throws: `ZeroTouchClientError` `.insecureEndpoint`, `.protectedResourceMetadataNotFound`,
    ///   `.resourceMismatch`, `.malformedResponse`, `.transportFailed`.
    func metadata(for endpoint: String, challenge: BearerChallenge?) async throws(ZeroTouchClientError) -> ProtectedResourceMetadata {
        var candidates = ProtectedResourceMetadata.discoveryURLs(for: ResourceIdentifier(endpoint))
        if let advertised = challenge?.resourceMetadata {
            try http.check(advertised, what: "resource_metadata URL")
            candidates.removeAll { $0 == advertised }
            candidates.insert(advertised, at: 0)
        }
        for url in candidates {
            let reply = try await http.get(url, what: "protected resource metadata")
            guard reply.status == 200 else { continue }
            let metadata = try HTTPExchange.decode(ProtectedResourceMetadata.self, from: reply, what: "protected resource metadata", url: url)
            try Self.check(metadata, endpoint: endpoint, url: url)
            return metadata
        }
        throw ZeroTouchClientError(
            .protectedResourceMetadataNotFound, "the MCP server publishes no protected resource metadata (RFC 9728)",
            nextStep: "Check that the URL is an MCP server protected by enterprise-managed authorization", url: endpoint)
    }

    /// RFC 9728 §3.3: the `resource` must identify the server that was called; it must name an authorization server.
    static func check(_ metadata: ProtectedResourceMetadata, endpoint: String, url: String) throws(ZeroTouchClientError) {
        guard ResourceMatch.resource(metadata.resource.rawValue, identifies: endpoint) else {
            throw ZeroTouchClientError(
                .resourceMismatch,
                "the metadata names resource '\(ZeroTouchClientError.printable(metadata.resource.rawValue))', not the server at \(endpoint)",
                url: url)
        }
        guard let servers = metadata.authorizationServers, !servers.isEmpty else {
            throw ZeroTouchClientError(.malformedResponse, "the protected resource metadata names no authorization server", url: url)
        }
    }
}
