public import ZeroTouchCore
import Crypto
import Foundation

/// An IdP account linked to a local user: the subject is unique per issuer and tenant
/// (ID-JAG §6.1: "`iss` + `tenant` + `sub`"; OIDC Core §2: `sub` is unique per issuer).
public struct LinkedIdentity: Codable, Sendable, Hashable, CustomStringConvertible {
    /// The IdP that asserts the subject.
    public var issuer: Issuer
    /// The IdP tenant, when the IdP is multi-tenant with a single issuer (OIDC-EE `tenant`).
    public var tenant: String?
    /// The IdP's `sub`.
    public var subject: Subject

    /// Creates an identity.
    public init(issuer: Issuer, tenant: String? = nil, subject: Subject) {
        self.issuer = issuer
        self.tenant = tenant
        self.subject = subject
    }

    /// A fixed-length key for the identity (SHA-256 over the length-prefixed parts), used as the
    /// document id that makes each identity linkable to one user only.
    public var key: String {
        var bytes: [UInt8] = []
        for part in [issuer.rawValue, tenant ?? "", subject.rawValue] {
            let utf8 = Array(part.utf8)
            withUnsafeBytes(of: UInt32(utf8.count).bigEndian) { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: utf8)
        }
        bytes.append(tenant == nil ? 0 : 1)
        return SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }

    enum CodingKeys: String, CodingKey {
        case issuer
        case tenant
        case subject = "sub"
    }

    /// A log-safe description: identifiers only.
    public var description: String {
        if let tenant { "\(issuer) [\(tenant)] \(subject)" } else { "\(issuer) \(subject)" }
    }
}
