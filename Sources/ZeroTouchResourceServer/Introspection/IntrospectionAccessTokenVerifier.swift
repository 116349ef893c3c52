public import AsyncHTTPClient
public import Foundation
import NIOCore
import NIOHTTP1
public import ZeroTouchCore
import ZeroTouchJOSE
public import ZeroTouchServer

/// Verifies opaque access tokens with the authorization server's introspection endpoint (RFC 7662),
/// for deployments that prefer it to JWTs (decisions.md "Access-token format"; EMA-S §7.5.4 "MAY
/// use token introspection").
///
/// `POST` `token=…&token_type_hint=access_token` with `client_secret_basic` authentication
/// (RFC 7662 §2.1, RFC 6749 §2.3.1), a time limit and a 64 KiB response cap. An inactive answer is
/// `AccessTokenRejection.inactive`; an active one goes through the same `AccessTokenRules` as a JWT
/// (`iss` when present, `aud` = this resource, time, `sub`, `client_id`, `scope`). An unreachable
/// or misbehaving endpoint fails closed with `.verificationUnavailable`. Nothing is cached: every
/// request is introspected, so a revocation takes effect at once.
public struct IntrospectionAccessTokenVerifier: AccessTokenVerifier {
    /// The largest token sent for introspection.
    public static let maximumTokenBytes = 16 * 1024
    /// The largest introspection response read.
    public static let maximumResponseBytes = 64 * 1024

    /// The authorization server's issuer.
    public let issuer: Issuer
    /// This resource.
    public let resource: ResourceIdentifier
    /// The introspection endpoint (RFC 7662 §2, RFC 8414 `introspection_endpoint`).
    public let endpoint: URL
    /// This resource server's client identifier at the authorization server.
    public let clientID: ClientID
    private let clientSecret: SecretString
    private let httpClient: HTTPClient
    private let clock: any WallClock
    private let leeway: TimeInterval
    private let timeout: Duration

    /// A process-wide client that never follows redirects: a 307 or 308 would resend the form, and
    /// with it the token, to wherever the `Location` points, unchecked by the endpoint policy. A
    /// redirect is answered like any other non-200 status (RFC 7662 §2.2 defines none).
    public static let nonRedirectingClient = HTTPClient(
        eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: HTTPClient.Configuration(redirectConfiguration: .disallow))

    /// Creates a verifier.
    /// - Parameters:
    ///   - issuer: the authorization server's issuer identifier.
    ///   - resource: this resource's identifier.
    ///   - endpoint: the introspection endpoint; it must already have passed `EndpointPolicy`.
    ///   - clientID: the client id this resource server authenticates with.
    ///   - clientSecret: its secret.
    ///   - httpClient: the HTTP client; by default one that never follows redirects, so the token
    ///     and the client credentials go to the configured endpoint only.
    ///   - clock: the time source.
    ///   - leeway: clock-skew allowance.
    ///   - timeout: the limit for one introspection call.
    public init(
        issuer: Issuer, resource: ResourceIdentifier, endpoint: URL, clientID: ClientID, clientSecret: SecretString,
        httpClient: HTTPClient = IntrospectionAccessTokenVerifier.nonRedirectingClient, clock: any WallClock = SystemClock(), leeway: TimeInterval = 60,
        timeout: Duration = .seconds(5)
    ) {
        self.issuer = issuer
        self.resource = resource
        self.endpoint = endpoint
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.httpClient = httpClient
        self.clock = clock
        self.leeway = leeway
        self.timeout = timeout
    }

    /// Introspects `token` and applies the claim rules.
    /// - Throws: `AccessTokenRejection.tokenTooLarge`, `.inactive`, `.verificationUnavailable`,
    ///   or a claim rejection.
    public func verify(_ token: BearerToken) async throws(AccessTokenRejection) -> VerifiedAccessToken {
        let size = token.unverifiedValue.utf8.count
        guard size <= Self.maximumTokenBytes else { throw .tokenTooLarge(bytes: size, limit: Self.maximumTokenBytes) }
        let members = try await introspect(token)
        guard members["active"]?.boolValue == true else { throw .inactive }
        let rules = AccessTokenRules(
            expectedIssuer: issuer, resource: resource, now: clock.now, leeway: leeway, requiresJWTProfileClaims: false)
        return try rules.identity(from: JWTClaims(members))
    }

    /// The introspection response as a JSON object.
    private func introspect(_ token: BearerToken) async throws(AccessTokenRejection) -> [String: JSONValue] {
        var request = HTTPClientRequest(url: endpoint.absoluteString)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "Authorization", value: basicCredentials)
        let form = "token=\(Self.formEncode(token.unverifiedValue))&token_type_hint=access_token"
        request.body = .bytes(ByteBuffer(string: form))
        do {
            let (seconds, attoseconds) = timeout.components
            let response = try await httpClient.execute(
                request, timeout: .seconds(seconds) + .nanoseconds(attoseconds / 1_000_000_000))
            guard response.status == .ok else { throw AccessTokenRejection.verificationUnavailable(reason: "introspection answered \(response.status.code)") }
            let body = try await response.body.collect(upTo: Self.maximumResponseBytes)
            guard let value = try? JSONDecoder().decode(JSONValue.self, from: Data(body.readableBytesView)), let object = value.objectValue else {
                throw AccessTokenRejection.verificationUnavailable(reason: "introspection response is not a JSON object")
            }
            return object
        } catch let rejection as AccessTokenRejection {
            throw rejection
        } catch {
            throw .verificationUnavailable(reason: "introspection failed: \(type(of: error))")
        }
    }

    /// `Basic base64(urlencode(id):urlencode(secret))` (RFC 6749 §2.3.1).
    private var basicCredentials: String {
        let pair = Self.formEncode(clientID.rawValue) + ":" + Self.formEncode(clientSecret.unredactedValue)
        return "Basic " + Data(pair.utf8).base64EncodedString()
    }

    /// `application/x-www-form-urlencoded` encoding of one value (RFC 6749 Appendix B).
    static func formEncode(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let encoded = value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
        return encoded
    }
}
