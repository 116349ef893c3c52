public import Foundation
public import ZeroTouchCore

/// Who the user is, from a verified ID token (OpenID Connect Core §2, §5.1). Shown by `whoami`.
public struct IdentityClaims: Sendable, Hashable, Codable {
    /// `iss`.
    public var issuer: Issuer
    /// `sub`: the user's identifier at the IdP.
    public var subject: Subject
    /// `exp`.
    public var expiresAt: Date
    /// `email`, when the IdP includes it.
    public var email: String?
    /// `name`, when the IdP includes it.
    public var name: String?
    /// `preferred_username`, when the IdP includes it.
    public var preferredUsername: String?

    /// Creates claims.
    public init(issuer: Issuer, subject: Subject, expiresAt: Date, email: String? = nil, name: String? = nil, preferredUsername: String? = nil) {
        self.issuer = issuer
        self.subject = subject
        self.expiresAt = expiresAt
        self.email = email
        self.name = name
        self.preferredUsername = preferredUsername
    }

    enum CodingKeys: String, CodingKey {
        case issuer = "iss"
        case subject = "sub"
        case expiresAt = "exp"
        case email, name
        case preferredUsername = "preferred_username"
    }
}
