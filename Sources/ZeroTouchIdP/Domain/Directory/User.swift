public import Foundation

/// Whether a user may sign in and obtain grants.
public enum UserStatus: String, Codable, Sendable, CaseIterable {
    /// The user may sign in; policy decides what they may reach.
    case active
    /// The user can't sign in, and every token exchange for them fails at once (issue 3, item 2).
    case suspended
}

/// A person in the IdP's directory.
///
/// `id` is the opaque `sub` (OpenID Connect Core §2, ID-JAG §3.1); `username` is what the person types
/// and is unique without regard to case. The stored document holds the bcrypt hash and the TOTP
/// secret, so never encode a `User` into a response or a log: use `profile` for that.
public struct User: Codable, Sendable, Equatable, Identifiable, CustomStringConvertible {
    public var id: UserID
    /// The sign-in name: 1–200 characters from `A–Z a–z 0–9 . _ @ + -`, unique case-insensitively.
    public var username: String
    /// The e-mail address, put in an ID-JAG only when the MCP server's catalog entry asks for it (decisions X-7).
    public var email: String?
    public var displayName: String
    public var status: UserStatus
    /// The bcrypt hash of the password (never the password).
    public var passwordHash: String
    /// The RFC 6238 shared secret in base32 (RFC 4648 §6), when the user enrolled a second factor.
    public var totpSecret: String?
    public var createdAt: Date

    public init(
        id: UserID, username: String, email: String?, displayName: String, status: UserStatus = .active,
        passwordHash: String, totpSecret: String? = nil, createdAt: Date
    ) {
        self.id = id
        self.username = username
        self.email = email
        self.displayName = displayName
        self.status = status
        self.passwordHash = passwordHash
        self.totpSecret = totpSecret
        self.createdAt = createdAt
    }

    /// Whether the user may sign in and be the subject of a token exchange.
    public var isActive: Bool { status == .active }
    /// Whether the user enrolled a TOTP second factor.
    public var hasSecondFactor: Bool { totpSecret != nil }
    /// The key that makes usernames unique: the username in lowercase.
    public var usernameKey: String { User.usernameKey(username) }
    /// The lookup key for `username`.
    public static func usernameKey(_ username: String) -> String { username.lowercased() }

    /// What an admin API may show: everything except the password hash and the TOTP secret.
    public var profile: UserProfile {
        UserProfile(
            id: id, username: username, email: email, displayName: displayName, status: status,
            hasSecondFactor: hasSecondFactor, createdAt: createdAt)
    }

    /// A log-safe description: identifiers only.
    public var description: String { "User(id: \(id), username: \(username), status: \(status.rawValue))" }
}

/// A user as the admin API shows it: no password hash, no TOTP secret.
public struct UserProfile: Codable, Sendable, Equatable, Identifiable {
    public var id: UserID
    public var username: String
    public var email: String?
    public var displayName: String
    public var status: UserStatus
    public var hasSecondFactor: Bool
    public var createdAt: Date
}
