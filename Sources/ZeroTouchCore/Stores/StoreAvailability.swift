/// An error that may mean "a shared store cannot serve right now, try again": a database outage,
/// as opposed to a bug or bad input. The HTTP layer answers such errors with `503` and
/// `temporarily_unavailable` (RFC 6749 §4.1.2.1's code, RFC 9110 §15.6.4) instead of a 500, so load
/// balancers and clients retry, and the replica recovers without a restart once the store is back.
public protocol StoreAvailabilityError: Error {
    /// Whether this error is a temporary unavailability of the store.
    var isTemporarilyUnavailable: Bool { get }
}
