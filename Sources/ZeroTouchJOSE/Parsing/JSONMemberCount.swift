/// Counts the members of a JSON text's top-level object, repeated names included.
///
/// RFC 7515 §5.2 and RFC 7519 §4 require a recipient to reject repeated header or claim names, or
/// else keep the last one. Foundation's `JSONDecoder` silently keeps the *first*, so a token could
/// read differently here and at another party; comparing this count with the decoded dictionary's
/// size detects any repeat, whatever its escaping, and the token is refused.
enum JSONMemberCount {
    /// The number of top-level members of `bytes`, which must already have been decoded as a JSON object.
    static func topLevel(_ bytes: [UInt8]) -> Int {
        var depth = 0
        var inString = false
        var escaped = false
        var commas = 0
        var hasMember = false
        for byte in bytes {
            if inString {
                if escaped { escaped = false } else if byte == UInt8(ascii: "\\") { escaped = true } else if byte == UInt8(ascii: "\"") { inString = false }
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
                if depth == 1 { hasMember = true }
            case UInt8(ascii: "{"), UInt8(ascii: "["): depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"): depth -= 1
            case UInt8(ascii: ",") where depth == 1: commas += 1
            default: break
            }
        }
        return hasMember ? commas + 1 : 0
    }
}
