public import Foundation

/// The document that says "this data directory holds a seeded dev organization", written last in
/// seeding, so a half-seeded directory is never mistaken for a complete one.
public struct DevMarker: Codable, Sendable, Equatable {
    /// The ports the catalog, the trust and the client registration name.
    public var ports: DevPorts
    /// When the organization was seeded.
    public var seededAt: Date
    /// The ZeroTouch version that seeded it.
    public var version: String

    /// The collection of the marker in the `DocumentStore`.
    static let collection = "dev-environment"
    /// The marker's document id.
    static let documentID = "organization"

    /// Creates a marker.
    public init(ports: DevPorts, seededAt: Date, version: String) {
        self.ports = ports
        self.seededAt = seededAt
        self.version = version
    }
}
