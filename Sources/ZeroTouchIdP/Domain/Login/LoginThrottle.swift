public import Foundation
import Synchronization
public import ZeroTouchCore

/// How many failed sign-ins one key (a username, or a client address) may make before it is locked.
public struct ThrottleRule: Sendable, Equatable {
    /// Failures within `window` that lock the key.
    public var maximumFailures: Int
    /// How far back failures count, in seconds.
    public var window: TimeInterval
    /// How long the key stays locked after its latest failure once over the limit, in seconds.
    public var lockout: TimeInterval

    public init(maximumFailures: Int, window: TimeInterval, lockout: TimeInterval) {
        self.maximumFailures = max(1, maximumFailures)
        self.window = window
        self.lockout = lockout
    }

    /// 5 failures in 15 minutes lock a username for 5 minutes.
    public static let perUser = ThrottleRule(maximumFailures: 5, window: 900, lockout: 300)
    /// 20 failures in 15 minutes lock an address for 5 minutes (slows password spraying across usernames).
    public static let perAddress = ThrottleRule(maximumFailures: 20, window: 900, lockout: 300)
}

/// What the throttle allows.
public enum ThrottleVerdict: Sendable, Equatable {
    case allowed
    /// Refused for `retryAfter` more seconds.
    case throttled(retryAfter: Int)
}

/// Failed-login throttling per username and per client address (issue 3 "Brute force on the login
/// page is throttled"; EMA-S §7.5.1 "SHOULD rate-limit"). Time comes from an injected clock.
///
/// Checked *before* the password is, so a locked key costs no bcrypt work and a correct password
/// does not get through a lock. A success clears the username's failures, not the address's. Memory is
/// bounded: at `capacity` keys, keys without recent failures are dropped, then the stalest.
public final class LoginThrottle: Sendable {
    private let failures = Mutex<[String: [Date]]>([:])
    private let clock: any WallClock
    public let userRule: ThrottleRule
    public let addressRule: ThrottleRule
    public let capacity: Int

    public init(clock: any WallClock, userRule: ThrottleRule = .perUser, addressRule: ThrottleRule = .perAddress, capacity: Int = 100_000) {
        self.clock = clock
        self.userRule = userRule
        self.addressRule = addressRule
        self.capacity = max(16, capacity)
    }

    /// Whether a sign-in for `username` from `address` may be checked now.
    public func check(username: String, address: String?) -> ThrottleVerdict {
        let now = clock.now
        return failures.withLock { failures in
            var wait = Self.wait(failures[Self.userKey(username)], rule: userRule, now: now)
            if let address { wait = max(wait, Self.wait(failures[Self.addressKey(address)], rule: addressRule, now: now)) }
            return wait > 0 ? .throttled(retryAfter: wait) : .allowed
        }
    }

    /// Counts a failed password or one-time code.
    public func recordFailure(username: String, address: String?) {
        let now = clock.now
        failures.withLock { failures in
            if failures.count >= capacity { Self.prune(&failures, now: now, horizon: max(userRule.window, addressRule.window), capacity: capacity) }
            Self.append(now, to: &failures[Self.userKey(username), default: []], rule: userRule)
            if let address { Self.append(now, to: &failures[Self.addressKey(address), default: []], rule: addressRule) }
        }
    }

    /// Clears `username`'s failures after a complete sign-in.
    public func recordSuccess(username: String) {
        _ = failures.withLock { $0.removeValue(forKey: Self.userKey(username)) }
    }

    /// Seconds until `rule` lets the key with `dates` try again; 0 when it may try now.
    private static func wait(_ dates: [Date]?, rule: ThrottleRule, now: Date) -> Int {
        guard let dates, let latest = dates.last else { return 0 }
        let recent = dates.filter { now.timeIntervalSince($0) < rule.window }
        guard recent.count >= rule.maximumFailures else { return 0 }
        let remaining = latest.addingTimeInterval(rule.lockout).timeIntervalSince(now)
        return remaining > 0 ? Int(remaining.rounded(.up)) : 0
    }

    private static func append(_ date: Date, to dates: inout [Date], rule: ThrottleRule) {
        dates.append(date)
        if dates.count > rule.maximumFailures { dates.removeFirst(dates.count - rule.maximumFailures) }
    }

    private static func prune(_ failures: inout [String: [Date]], now: Date, horizon: TimeInterval, capacity: Int) {
        failures = failures.filter { ($0.value.last.map { now.timeIntervalSince($0) } ?? .infinity) < horizon }
        guard failures.count >= capacity else { return }
        let stalest = failures.sorted { ($0.value.last ?? .distantPast) < ($1.value.last ?? .distantPast) }.prefix(failures.count - capacity * 3 / 4)
        for (key, _) in stalest { failures[key] = nil }
    }

    /// Usernames compare case-insensitively; over-long input is cut (it can't be a username anyway).
    private static func userKey(_ username: String) -> String { "u:" + String(User.usernameKey(username).prefix(256)) }
    private static func addressKey(_ address: String) -> String { "a:" + String(address.prefix(64)) }
}
