public import Foundation
import Hummingbird
import Logging
import NIOCore
import Synchronization
public import ZeroTouchCore
public import ZeroTouchJOSE

/// A minimal, independent identity provider for end-to-end tests of the authorization server, as
/// the conformance runner hosts one (checklist §7.3): it serves only RFC 8414 metadata at
/// `/.well-known/oauth-authorization-server` and its JWKS at `/jwks` with a per-run ES256 key, and
/// mints ID-JAGs in-process. It shares no code path with ZeroTouch's own IdP.
public struct MiniIdP: Sendable {
    /// What `/jwks` answers, to exercise fail-closed key retrieval.
    public enum JWKSBehavior: Sendable {
        /// The published key, as a real IdP would.
        case publish
        /// Never answers until the MiniIdP stops (a slow endpoint).
        case hang
        /// A 200 with a 100 KiB body (over the fetcher's 64 KiB cap).
        case huge
        /// An error status.
        case status(Int)
    }

    /// `http://127.0.0.1:<port>`.
    public let issuer: Issuer
    /// The published signing key.
    public let signingKey: SigningKey

    /// Starts a MiniIdP on `127.0.0.1:0`, runs `body`, then stops it.
    /// - Parameters:
    ///   - keyID: the `kid` of the published key (CONF-490 uses `idp-es256-1`).
    ///   - jwks: what `/jwks` answers.
    ///   - body: the test.
    public static func run<T: Sendable>(
        keyID: KeyID = "idp-es256-1", jwks: JWKSBehavior = .publish, _ body: @Sendable (MiniIdP) async throws -> T
    ) async throws -> T {
        let key = try SigningKey.generate(.es256, keyID: keyID)
        let issuerBox = Mutex<Issuer?>(nil)
        let gate = HangingGate()
        let router = Router()
        router.get("/.well-known/oauth-authorization-server") { _, _ -> Response in
            try jsonResponse(Self.metadata(issuer: issuerBox.withLock { $0 } ?? "http://127.0.0.1"))
        }
        router.get("/jwks") { _, _ -> Response in
            switch jwks {
            case .publish: return try jsonResponse(JWKSDocument(keys: [key.publicJWK]))
            case .hang:
                await gate.wait()
                return Response(status: .serviceUnavailable)
            case .huge: return try jsonResponse(["keys": [String](), "padding": [String(repeating: "x", count: 100 * 1024)]])
            case .status(let code): return Response(status: HTTPResponse.Status(code: code))
            }
        }
        let port = Rendezvous<Int>()
        let application = Application(
            router: router, configuration: ApplicationConfiguration(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in port.deliver(channel.localAddress?.port ?? 0) },
            logger: Logger(label: "zerotouch.testing.mini-idp"))
        return try await LoopbackApplication.run(application) {
            defer { gate.open() }
            guard let bound = await port.value() else { throw CancellationError() }
            let issuer = Issuer("http://127.0.0.1:\(bound)")
            issuerBox.withLock { $0 = issuer }
            return try await body(MiniIdP(issuer: issuer, signingKey: key))
        }
    }

    /// Mints an ID-JAG (ID-JAG §3.1) as the conformance runner does: header `ES256`,
    /// `oauth-id-jag+jwt` and the key's `kid`; claims `iss`, `sub`, `aud`, `client_id`, `jti`, `iat`,
    /// `exp` and, when given, `resource` and `scope`.
    /// - Parameters:
    ///   - key: another key to sign with (an unpublished one, say); the published key by default.
    ///   - extraClaims: members added or replaced last.
    public func idJAG(
        subject: String, audience: Issuer, clientID: ClientID, resource: ResourceIdentifier? = nil, scope: String? = nil,
        now: Date, lifetime: TimeInterval = 300, jti: String = UUID().uuidString, signedWith key: SigningKey? = nil,
        extraClaims: [String: JSONValue] = [:]
    ) throws -> String {
        let iat = Int64(now.timeIntervalSince1970.rounded(.down))
        var claims: [String: JSONValue] = [
            "iss": .string(issuer.rawValue), "sub": .string(subject), "aud": .string(audience.rawValue),
            "client_id": .string(clientID.rawValue), "jti": .string(jti), "iat": .integer(iat), "exp": .integer(iat + Int64(lifetime)),
        ]
        if let resource { claims["resource"] = .string(resource.rawValue) }
        if let scope { claims["scope"] = .string(scope) }
        claims.merge(extraClaims) { $1 }
        return try (key ?? signingKey).sign(claims, type: EnterpriseManagedAuthorization.idJAGType)
    }

    /// The RFC 8414 metadata the conformance runner's IdP serves.
    static func metadata(issuer: Issuer) -> AuthorizationServerMetadata {
        var metadata = AuthorizationServerMetadata(issuer: issuer)
        metadata.tokenEndpoint = issuer.rawValue + "/token"
        metadata.jwksURI = issuer.rawValue + "/jwks"
        metadata.grantTypesSupported = [GrantType.tokenExchange.rawValue]
        metadata.tokenEndpointAuthMethodsSupported = ["client_secret_basic"]
        metadata.responseTypesSupported = ["code"]
        metadata.idTokenSigningAlgValuesSupported = ["ES256"]
        return metadata
    }
}

/// A JSON response.
private func jsonResponse(_ value: some Encodable) throws -> Response {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let data = try encoder.encode(value)
    return Response(status: .ok, headers: [.contentType: "application/json"], body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
}

/// Holds hanging requests until the MiniIdP stops.
private final class HangingGate: Sendable {
    private let state = Mutex<(open: Bool, waiters: [CheckedContinuation<Void, Never>])>((false, []))

    func wait() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let resumeNow = state.withLock { state in
                if state.open { return true }
                state.waiters.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }

    func open() {
        let waiters = state.withLock { state in
            state.open = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}
