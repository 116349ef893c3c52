import Crypto
import Foundation

/// The in-process crypto floor measured in the same run as the load: raw swift-crypto ES256 sign
/// and verify over a JWS signing input the size of an ID-JAG, on one thread, for `seconds` each.
struct CryptoFloorProbe: Sendable {
    var signPerSecond: Double
    var verifyPerSecond: Double

    static func measure(seconds: Double = 2) -> CryptoFloorProbe {
        let key = P256.Signing.PrivateKey()
        let input = Data(String(repeating: "eyJhbGciOiJFUzI1NiIsInR5cCI6Im9hdXRoLWlkLWphZytqd3QifQ.", count: 10).utf8)
        let signature = try! key.signature(for: input)
        func rate(_ body: () -> Void) -> Double {
            for _ in 0..<200 { body() }
            let clock = ContinuousClock()
            let start = clock.now
            var count = 0
            while true {
                for _ in 0..<100 { body() }
                count += 100
                let elapsed = clock.now - start
                let secondsElapsed = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
                if secondsElapsed >= seconds { return Double(count) / secondsElapsed }
            }
        }
        let sign = rate { _ = try! key.signature(for: input) }
        let verify = rate { precondition(key.publicKey.isValidSignature(signature, for: input)) }
        return CryptoFloorProbe(signPerSecond: sign, verifyPerSecond: verify)
    }
}
