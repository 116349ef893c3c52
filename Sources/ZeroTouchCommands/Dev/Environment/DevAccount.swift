/// One person of the dev organization, as seeded.
public struct DevAccount: Sendable, Equatable, Codable {
    /// The sign-in name.
    public var username: String
    /// The name people see.
    public var displayName: String
    /// The e-mail address.
    public var email: String
    /// The one group the person is in.
    public var group: DevGroup
    /// Whether a TOTP second factor (RFC 6238) is enrolled, so that sign-in asks for a code.
    public var hasSecondFactor: Bool
    /// Whether the account is suspended: sign-in and every token exchange fail.
    public var isSuspended: Bool

    /// Creates an account description.
    public init(username: String, displayName: String, email: String, group: DevGroup, hasSecondFactor: Bool = false, isSuspended: Bool = false) {
        self.username = username
        self.displayName = displayName
        self.email = email
        self.group = group
        self.hasSecondFactor = hasSecondFactor
        self.isSuspended = isSuspended
    }
}
