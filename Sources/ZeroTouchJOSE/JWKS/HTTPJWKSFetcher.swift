public import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
public import ZeroTouchCore

/// Fetches JWKS documents and issuer metadata over HTTP with AsyncHTTPClient, within fixed limits:
/// every URL must pass the `EndpointPolicy` (https, or http on loopback only; decisions X-11),
/// `GET` with `Accept: application/json`, status 200 only, no redirects, a 64 KiB body cap (reading
/// stops there), and one time limit for the whole fetch, metadata discovery included.
public struct HTTPJWKSFetcher: JWKSFetcher {
    /// The default body cap: 64 KiB, far above any real JWKS or metadata document.
    public static let defaultMaximumBodyBytes = 64 * 1024
    /// The default time limit for one fetch, metadata discovery included.
    public static let defaultTimeout: Duration = .seconds(5)

    /// A process-wide client that never follows redirects: a key set or metadata document must
    /// come from the URL that was checked against the endpoint policy, and a redirect must not
    /// even cause a second request.
    public static let nonRedirectingClient = HTTPClient(
        eventLoopGroup: HTTPClient.defaultEventLoopGroup,
        configuration: HTTPClient.Configuration(redirectConfiguration: .disallow)
    )

    private let httpClient: HTTPClient
    private let endpointPolicy: EndpointPolicy
    private let timeout: Duration
    private let maximumBodyBytes: Int

    /// Creates a fetcher.
    /// - Parameters:
    ///   - httpClient: The client to use; by default one that never follows redirects.
    ///   - endpointPolicy: Which URLs may be fetched.
    ///   - timeout: The limit for one whole fetch.
    ///   - maximumBodyBytes: The cap on each response body.
    public init(
        httpClient: HTTPClient = HTTPJWKSFetcher.nonRedirectingClient, endpointPolicy: EndpointPolicy = .standard,
        timeout: Duration = HTTPJWKSFetcher.defaultTimeout, maximumBodyBytes: Int = HTTPJWKSFetcher.defaultMaximumBodyBytes
    ) {
        self.httpClient = httpClient
        self.endpointPolicy = endpointPolicy
        self.timeout = timeout
        self.maximumBodyBytes = maximumBodyBytes
    }

    /// Fetches `issuer`'s JWKS from its configured `jwks_uri` or from its metadata's.
    public func fetchKeySet(of issuer: Issuer, from location: JWKSLocation) async -> JWKSFetchResult {
        await withTimeLimit {
            let jwksURI: String
            switch location {
            case .jwksURI(let uri): jwksURI = uri
            case .issuerMetadata:
                switch await discoverJWKSURI(of: issuer) {
                case .success(let uri): jwksURI = uri
                case .failure(let failure): return .failure(failure)
                }
            }
            switch await get(jwksURI) {
            case .success(let response):
                guard let keys = ParsedJWKS(json: response.body) else { return .failure(.malformedJWKS) }
                return .success(keys, maxAge: response.maxAge)
            case .failure(let failure):
                return .failure(failure)
            }
        }
    }

    /// A response that passed every check.
    struct Fetched: Sendable {
        var body: Data
        var maxAge: TimeInterval?
    }

    /// `GET uri` within the limits above.
    func get(_ uri: String) async -> Result<Fetched, JWKSFetchFailure> {
        do {
            try endpointPolicy.check(uri)
        } catch {
            return .failure(.endpointRejected(error))
        }
        var request = HTTPClientRequest(url: uri)
        request.method = .GET
        request.headers.add(name: "Accept", value: "application/json")
        do {
            // AsyncHTTPClient's own deadline backs up `withTimeLimit`, which also covers the body.
            let (seconds, attoseconds) = timeout.components
            let response = try await httpClient.execute(request, timeout: .seconds(seconds) + .nanoseconds(attoseconds / 1_000_000_000))
            // The default client does not follow redirects and hands back the 3xx itself; a
            // caller-supplied client might follow them, which the history shows.
            guard response.history.count <= 1, !(300..<400).contains(response.status.code) else { return .failure(.redirected) }
            guard response.status == .ok else { return .failure(.unexpectedStatus(Int(response.status.code))) }
            let body = try await response.body.collect(upTo: maximumBodyBytes)
            return .success(Fetched(body: Data(body.readableBytesView), maxAge: CacheControl.maxAge(response.headers.first(name: "Cache-Control"))))
        } catch is NIOTooManyBytesError {
            return .failure(.bodyTooLarge(limit: maximumBodyBytes))
        } catch let error as HTTPClientError where error == .deadlineExceeded {
            return .failure(.timedOut(after: timeout))
        } catch {
            return .failure(.transportFailed(String(describing: error)))
        }
    }

    /// Runs `fetch`, answering `.timedOut` if it has not finished within `timeout`; the fetch is
    /// then cancelled, which makes AsyncHTTPClient close its connection.
    private func withTimeLimit(_ fetch: @escaping @Sendable () async -> JWKSFetchResult) async -> JWKSFetchResult {
        let timeout = self.timeout
        return await withTaskGroup(of: JWKSFetchResult?.self) { group in
            group.addTask { await fetch() }
            group.addTask {
                try? await Task.sleep(for: timeout)
                return nil
            }
            let first = await group.next() ?? nil
            group.cancelAll()
            return first ?? .failure(.timedOut(after: timeout))
        }
    }
}
