public import Foundation

/// How long `JWKSCache` keeps a key set and how often it may refetch one. RFC 8725 and ID-JAG leave
/// this to implementers (checklist A-6); these bounds keep a hostile `max-age` from pinning keys
/// for long or from turning every token into a fetch.
public struct JWKSCachePolicy: Sendable, Hashable {
    /// The shortest lifetime, whatever `max-age` says (60 s).
    public var minimumLifetime: TimeInterval
    /// The longest lifetime, whatever `max-age` says (24 h).
    public var maximumLifetime: TimeInterval
    /// The lifetime when the response has no `max-age` or says `no-store`/`no-cache` (5 min).
    public var defaultLifetime: TimeInterval
    /// The least time between two fetches for one issuer when a `kid` is unknown or the last fetch
    /// failed (30 s), so that a stream of made-up `kid`s cannot make us hammer an IdP.
    public var refreshCooldown: TimeInterval

    /// Creates a policy.
    public init(minimumLifetime: TimeInterval = 60, maximumLifetime: TimeInterval = 86_400, defaultLifetime: TimeInterval = 300, refreshCooldown: TimeInterval = 30) {
        self.minimumLifetime = minimumLifetime
        self.maximumLifetime = maximumLifetime
        self.defaultLifetime = defaultLifetime
        self.refreshCooldown = refreshCooldown
    }

    /// The defaults above.
    public static let standard = JWKSCachePolicy()

    /// How long to keep a key set served with `maxAge` (RFC 9111 §5.2.2.1), clamped to the bounds.
    public func lifetime(maxAge: TimeInterval?) -> TimeInterval {
        min(max(maxAge ?? defaultLifetime, minimumLifetime), maximumLifetime)
    }
}
