public import Foundation
import Synchronization

/// The source of the current time, injected everywhere a rule depends on it so that tests move
/// time forward instead of sleeping.
public protocol WallClock: Sendable {
    /// The current time.
    var now: Date { get }
}

/// The system's real-time clock.
public struct SystemClock: WallClock {
    public init() {}
    public var now: Date { Date() }
}

/// A clock set by hand: tests create it at a fixed instant and advance it explicitly.
public final class ManualClock: WallClock {
    private let current: Mutex<Date>

    /// Creates a clock at `start` (by default a fixed instant in 2030, so tests are reproducible).
    public init(_ start: Date = Date(timeIntervalSince1970: 1_900_000_000)) { current = Mutex(start) }

    public var now: Date { current.withLock { $0 } }

    /// Moves the clock forward by `seconds`.
    public func advance(by seconds: TimeInterval) { current.withLock { $0 += seconds } }
    /// Sets the clock to `date`.
    public func set(_ date: Date) { current.withLock { $0 = date } }
}
