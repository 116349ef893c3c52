/// One allow rule of the dev organization's policy at the IdP (checklist I-9, I-15).
public struct DevPolicy: Sendable, Equatable {
    /// The rule id, recorded in the audit trail of every grant it allows.
    public var id: String
    /// What the rule is for.
    public var name: String
    /// The group it applies to.
    public var group: DevGroup
    /// The server it applies to.
    public var server: DevServer
    /// The scopes it allows.
    public var scopes: [String]
    /// Whether the sign-in must have used a second factor (`amr` contains `otp`, RFC 8176 §2).
    public var requiresSecondFactor: Bool

    /// Creates a rule description.
    public init(id: String, name: String, group: DevGroup, server: DevServer, scopes: [String], requiresSecondFactor: Bool = false) {
        self.id = id
        self.name = name
        self.group = group
        self.server = server
        self.scopes = scopes
        self.requiresSecondFactor = requiresSecondFactor
    }
}
