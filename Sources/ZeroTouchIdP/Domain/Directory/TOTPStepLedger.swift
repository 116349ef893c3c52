import Synchronization

/// The last TOTP step each user consumed, so that a code is accepted once (RFC 6238 §5.2).
///
/// Kept in this process's memory: with several replicas behind a load balancer, a code could be used
/// once per replica within its 90-second window. Sticky sessions for the login page, or a shared
/// `ReplayLedger`, close that gap.
final class TOTPStepLedger: Sendable {
    private let lastSteps = Mutex<[UserID: Int64]>([:])

    /// Records `step` for `user` when it is later than the last recorded one.
    /// - Returns: `true` when recorded, `false` when `step` was at or before the last one (a replay).
    func consume(_ step: Int64, for user: UserID) -> Bool {
        lastSteps.withLock { steps in
            if let last = steps[user], step <= last { return false }
            steps[user] = step
            return true
        }
    }

    /// Forgets `user` (a reset second factor starts afresh).
    func forget(_ user: UserID) { lastSteps.withLock { _ = $0.removeValue(forKey: user) } }
}
