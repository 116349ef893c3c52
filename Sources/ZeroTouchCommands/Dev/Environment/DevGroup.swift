/// The directory groups of the dev organization.
public enum DevGroup: String, CaseIterable, Sendable, Codable {
    /// Builds the product.
    case engineering
    /// Writes about the product.
    case marketing
    /// External help, with a second factor.
    case contractors

    /// The group's description in the directory.
    public var summary: String {
        switch self {
        case .engineering: "Builds the product: issues read+write, docs read, notes read+write."
        case .marketing: "Writes about the product: docs read+write, notes read."
        case .contractors: "External help: issues read only, and only after a second factor."
        }
    }
}
