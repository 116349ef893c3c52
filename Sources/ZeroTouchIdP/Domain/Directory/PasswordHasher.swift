import HummingbirdBcrypt

/// Hashes and checks passwords with bcrypt.
///
/// bcrypt reads at most 72 bytes and stops at a NUL byte, so passwords are limited to
/// `allowedLength` UTF-8 bytes and may not contain NUL: two different passwords must never share a
/// hash. `verify` is slow on purpose (cost 12 ≈ 250 ms): run it off the cooperative thread pool.
public struct PasswordHasher: Sendable {
    /// The bcrypt cost (log2 of the rounds): 12 in production, 4 in tests.
    public let cost: UInt8
    /// A hash of a random password, checked when a username is unknown so that the answer takes as
    /// long as for a known user and its timing does not reveal which usernames exist.
    private let dummyHash: String

    /// The accepted password length in UTF-8 bytes.
    public static let allowedLength = 8...72

    /// Creates a hasher and its timing-equalizing dummy hash.
    /// - Precondition: `cost` is in 4...31 (bcrypt's range).
    public init(cost: UInt8 = 12) {
        precondition((4...31).contains(cost), "bcrypt cost must be in 4...31")
        self.cost = cost
        var generator = SystemRandomNumberGenerator()
        self.dummyHash = Bcrypt.hash(String(generator.next() as UInt64, radix: 36) + "-dummy", cost: cost)
    }

    /// Why a new password is refused.
    public enum Weakness: Error, Equatable, Sendable, CustomStringConvertible {
        case tooShort(minimum: Int)
        case tooLong(maximum: Int)
        case containsNUL

        public var description: String {
            switch self {
            case .tooShort(let minimum): "the password must have at least \(minimum) characters"
            case .tooLong(let maximum): "the password must have at most \(maximum) bytes"
            case .containsNUL: "the password must not contain a NUL character"
            }
        }
    }

    /// Checks that `password` can be hashed without loss.
    /// - Throws: `PasswordHasher.Weakness`.
    public static func check(_ password: String) throws(Weakness) {
        let length = password.utf8.count
        guard length >= allowedLength.lowerBound else { throw .tooShort(minimum: allowedLength.lowerBound) }
        guard length <= allowedLength.upperBound else { throw .tooLong(maximum: allowedLength.upperBound) }
        guard !password.utf8.contains(0) else { throw .containsNUL }
    }

    /// The bcrypt hash of `password` with a fresh salt.
    /// - Throws: `PasswordHasher.Weakness` when the password can't be hashed without loss.
    public func hash(_ password: String) throws(Weakness) -> String {
        try Self.check(password)
        return Bcrypt.hash(password, cost: cost)
    }

    /// Whether `password` matches `storedHash`. Passing `nil` (unknown user) still spends one bcrypt
    /// verification, against the dummy hash, and answers `false`.
    public func verify(_ password: String, against storedHash: String?) -> Bool {
        let acceptable = (try? Self.check(password)) != nil
        // Always run bcrypt once, even for a refused input, so that every answer costs the same.
        let candidate = acceptable ? password : "x"
        guard let storedHash else {
            _ = Bcrypt.verify(candidate, hash: dummyHash)
            return false
        }
        let matches = Bcrypt.verify(candidate, hash: storedHash)
        return acceptable && matches
    }
}
