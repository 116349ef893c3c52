import Foundation
import ZeroTouchCore

extension HTTPJWKSFetcher {
    /// Finds `issuer`'s `jwks_uri` in its metadata (decisions.md "Finding a trusted IdP's keys"):
    /// the well-known URLs of `AuthorizationServerMetadata.discoveryURLs(for:)` in order (RFC 8414
    /// §3.1 first, then OpenID Connect Discovery §4), moving on only when a URL does not answer
    /// with a 200 JSON document. The first document found decides: its `issuer` must equal
    /// `issuer` exactly (RFC 8414 §3.3), and it must have a `jwks_uri`.
    func discoverJWKSURI(of issuer: Issuer) async -> Result<String, JWKSFetchFailure> {
        let urls = AuthorizationServerMetadata.discoveryURLs(for: issuer)
        guard !urls.isEmpty else { return .failure(.endpointRejected(.notAnAbsoluteURL(issuer.rawValue))) }
        var lastFailure = JWKSFetchFailure.metadataNotFound(issuer: issuer)
        for url in urls {
            let fetched: Fetched
            switch await get(url) {
            case .success(let response): fetched = response
            case .failure(.endpointRejected(let violation)): return .failure(.endpointRejected(violation))
            case .failure(.unexpectedStatus), .failure(.redirected): continue
            case .failure(let failure):
                lastFailure = failure
                continue
            }
            guard let metadata = try? JSONDecoder().decode(AuthorizationServerMetadata.self, from: fetched.body) else { continue }
            guard metadata.issuer == issuer else { return .failure(.issuerMismatch(expected: issuer, actual: metadata.issuer)) }
            guard let jwksURI = metadata.jwksURI else { return .failure(.missingJWKSURI(issuer: issuer)) }
            return .success(jwksURI)
        }
        return .failure(lastFailure)
    }
}
