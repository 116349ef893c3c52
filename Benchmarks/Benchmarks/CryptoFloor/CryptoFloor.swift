import Benchmark
import Crypto
import Foundation

/// The crypto floor (issue 9): raw swift-crypto signatures over a JWS signing input the size of a
/// real ID-JAG, with nothing else around them. Every ZeroTouch token benchmark is compared with
/// these numbers from the same run.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .throughput],
        timeUnits: .microseconds,
        warmupIterations: 100,
        maxDuration: .seconds(5),
        maxIterations: 100_000
    )

    let input = CryptoFloorInput.signingInput
    let p256 = P256.Signing.PrivateKey()
    let p256Signature = try! p256.signature(for: input)
    let ed25519 = Curve25519.Signing.PrivateKey()
    let ed25519Signature = try! ed25519.signature(for: input)

    Benchmark("ES256 sign (P-256, SHA-256)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try p256.signature(for: input))
        }
    }

    Benchmark("ES256 verify (P-256, SHA-256)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(p256.publicKey.isValidSignature(p256Signature, for: input))
        }
    }

    Benchmark("EdDSA sign (Ed25519)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(try ed25519.signature(for: input))
        }
    }

    Benchmark("EdDSA verify (Ed25519)") { benchmark in
        for _ in benchmark.scaledIterations {
            blackHole(ed25519.publicKey.isValidSignature(ed25519Signature, for: input))
        }
    }
}

/// A JWS signing input (`header.payload`) of the size a ZeroTouch ID-JAG has.
enum CryptoFloorInput {
    static let signingInput: Data = {
        let header = #"{"alg":"ES256","kid":"idp-es256-1","typ":"oauth-id-jag+jwt"}"#
        let payload = #"{"amr":["otp","pwd"],"aud":"https://auth.example.com","auth_time":1899999940,"client_id":"at-client-1","exp":1900000300,"iat":1900000000,"iss":"https://idp.example.com","jti":"Zx3d0Hq9bN7wQ2lYpR5tK8sV1cF4gJ6m","resource":"https://mcp.example.com/mcp","scope":"read write","sub":"u12345"}"#
        let encode = { (text: String) in
            Data(text.utf8).base64EncodedString().replacingOccurrences(of: "+", with: "-")
                .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        }
        return Data((encode(header) + "." + encode(payload)).utf8)
    }()
}
