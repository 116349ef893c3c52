/// The directory groups of the dev organization.
public enum DevGroup: String, CaseIterable, Sendable, Codable {
    /// Builds the product.
    case engineering
    /// Writes about the product.
    case marketing
    /// External help, with a second factor.
    case contractors
    /// May use the IdP's web admin console (`IdPOptions.defaultConsoleAdminGroup`); reaches no MCP server.
    case admins = "idp-admins"

    /// The group's description in the directory.
    public var summary: String {
        switch self {
        case .engineering: "Builds the product: issues read+write, docs read, notes read+write."
        case .marketing: "Writes about the product: docs read+write, notes read."
        case .contractors: "External help: issues read only, and only after a second factor."
        case .admins: "Identity admins: the web admin console at /admin; no MCP server."
        }
    }
}
