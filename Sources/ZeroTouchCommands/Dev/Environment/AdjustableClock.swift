public import Foundation
import Synchronization
public import ZeroTouchCore

/// The clock `zerotouch dev` and `zerotouch demo` give every role: the system's time plus an offset
/// that only moves forward.
///
/// Every role of one environment shares it, so tokens minted by one role and checked by another
/// agree on "now" (RFC 7519 §4.1.4 `exp`, §4.1.6 `iat`). The demo and the end-to-end tests move it
/// forward instead of sleeping, for instance past the authorization server's JWKS refresh cool-down
/// after a key rotation.
public final class AdjustableClock: WallClock {
    private let offset = Mutex<TimeInterval>(0)

    /// A clock at the system's time.
    public init() {}

    /// The system's time plus the offset.
    public var now: Date { Date().addingTimeInterval(offset.withLock { $0 }) }

    /// How far ahead of the system's time the clock runs, in seconds.
    public var secondsAhead: TimeInterval { offset.withLock { $0 } }

    /// Moves the clock forward.
    /// - Parameter seconds: how far; negative values are ignored, time never runs backwards.
    public func advance(by seconds: TimeInterval) {
        guard seconds > 0 else { return }
        offset.withLock { $0 += seconds }
    }
}
