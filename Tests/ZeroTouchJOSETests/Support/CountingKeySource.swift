import Synchronization
import ZeroTouchCore
import ZeroTouchJOSE

/// Wraps a key source and counts lookups, to prove a check ran before any key was touched.
final class CountingKeySource: VerificationKeySource {
    private let base: any VerificationKeySource
    private let count = Mutex(0)

    init(_ base: any VerificationKeySource) { self.base = base }

    var lookups: Int { count.withLock { $0 } }

    func verificationKey(keyID: KeyID?, algorithm: JWSAlgorithm) async throws(JOSERejection) -> VerificationKey {
        count.withLock { $0 += 1 }
        return try await base.verificationKey(keyID: keyID, algorithm: algorithm)
    }
}
