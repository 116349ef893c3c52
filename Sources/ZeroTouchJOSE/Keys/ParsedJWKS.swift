public import Foundation
import ZeroTouchCore

/// Another party's JWK Set, read leniently (RFC 7517 §5): the usable signing keys, plus a note for
/// every key that was skipped.
///
/// Skipped: entries that are not objects, unknown `kty` or `crv`, `use` other than `sig`, missing
/// or non-string members, bad base64url, weak or invalid key material, and any key whose `kid`
/// repeats an earlier usable key (the first is kept, so a later entry cannot shadow it).
public struct ParsedJWKS: Sendable {
    /// The usable keys, in document order.
    public var keys: [VerificationKey]
    /// The keys left out.
    public var skipped: [SkippedJWK]

    /// Reads a JWKS document. Returns `nil` only when the document itself is not a JSON object
    /// with a `keys` array; a set whose every key is skipped is a valid, empty set.
    public init?(json: Data) {
        guard let document = try? JSONDecoder().decode([String: JSONValue].self, from: json),
            let entries = document["keys"]?.arrayValue
        else { return nil }
        var keys: [VerificationKey] = []
        var skipped: [SkippedJWK] = []
        var seenKeyIDs: Set<KeyID> = []
        for (index, entry) in entries.enumerated() {
            let keyID = entry["kid"]?.stringValue.map(KeyID.init)
            do throws(JWKSkipReason) {
                let key = try VerificationKey(jwk: JWK(jsonValue: entry))
                if let keyID {
                    guard seenKeyIDs.insert(keyID).inserted else { throw .duplicateKeyID(keyID) }
                }
                keys.append(key)
            } catch {
                skipped.append(SkippedJWK(index: index, keyID: keyID, reason: error))
            }
        }
        self.keys = keys
        self.skipped = skipped
    }
}
