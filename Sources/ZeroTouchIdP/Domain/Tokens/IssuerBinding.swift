import Synchronization
public import ZeroTouchCore

/// The IdP's issuer identifier (RFC 8414 §2, OpenID Connect Discovery §3), fixed by configuration or
/// bound once the listener knows its port (a server on port 0 in tests).
///
/// Every token the IdP signs and every metadata document it serves reads the issuer from here.
public final class IssuerBinding: Sendable {
    private let bound: Mutex<Issuer?>

    /// A binding with `issuer`, or an unbound one to be bound when the server runs.
    public init(_ issuer: Issuer? = nil) { bound = Mutex(issuer) }

    /// Binds the issuer unless one is already bound.
    public func bindIfUnbound(_ issuer: Issuer) { bound.withLock { if $0 == nil { $0 = issuer } } }

    /// The issuer.
    /// - Throws: `IssuerBinding.Unbound` before the server has started (a bug: nothing is served then).
    public func issuer() throws(Unbound) -> Issuer {
        guard let issuer = bound.withLock({ $0 }) else { throw Unbound() }
        return issuer
    }

    /// The issuer is not known yet.
    public struct Unbound: Error, CustomStringConvertible {
        public var description: String { "the IdP issuer is not bound yet" }
    }
}
