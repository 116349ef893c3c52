import Crypto
import Foundation

/// The `DocumentStore` collections the IdP keeps its directory, catalog and policy in.
///
/// The `…-keys` collections hold one small document per unique key (a lowercased username, group
/// name, or a resource identifier's hash). Admin changes `insert` them in the same `apply` as the
/// entity, so two admins, even on two replicas, can't both take the same name: the second insert fails
/// and rolls back its whole batch.
enum IdPCollection {
    static let users = "idp-users"
    static let groups = "idp-groups"
    static let memberships = "idp-memberships"
    static let clients = "idp-clients"
    static let servers = "idp-servers"
    static let rules = "idp-policy-rules"
    static let usernameKeys = "idp-username-keys"
    static let groupNameKeys = "idp-group-name-keys"
    static let resourceKeys = "idp-resource-keys"

    /// A document id for a unique key of any length: the hex SHA-256 of the key.
    static func keyID(_ key: String) -> String {
        SHA256.hash(data: Data(key.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}

/// The body of a unique-key document: which entity holds the key.
struct UniqueKeyOwner: Codable {
    var owner: String
}
