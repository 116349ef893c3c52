/// The organization's policy at the IdP refused to issue an ID-JAG for an MCP server
/// (decisions.md "Policy denial at the IdP's token exchange": `access_denied`, HTTP 400, with a
/// description and an audit reference).
///
/// This is an administrator's decision, not a broken token: the client shows it and never falls
/// back to interactive consent at the MCP server's authorization server (checklist C-33).
public struct PolicyDenial: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The IdP's `error_description`, meant to be shown to the user.
    public var reason: String
    /// The IdP's `audit_reference`, for the user to quote to their administrator.
    public var auditReference: String?

    /// Creates a denial.
    public init(reason: String, auditReference: String? = nil) {
        self.reason = reason
        self.auditReference = auditReference
    }

    /// "Blocked by your organization: …", with the audit reference.
    public var description: String {
        var text = "Blocked by your organization: \(reason)"
        if let auditReference { text += " (audit reference \(auditReference))" }
        return text
    }

    enum CodingKeys: String, CodingKey {
        case reason
        case auditReference = "audit_reference"
    }
}
