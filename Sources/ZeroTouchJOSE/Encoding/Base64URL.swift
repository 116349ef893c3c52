public import Foundation
import ExtrasBase64

/// The base64url encoding without padding that JOSE uses everywhere (RFC 7515 §2, RFC 4648 §5).
///
/// Decoding is strict, on purpose: only the 64 URL-safe characters, no `=` padding, no whitespace,
/// no impossible length, and the unused low bits of the last character must be zero. A lenient
/// decoder would accept several spellings of one token, which breaks the assumption that the
/// signing input identifies the token.
public enum Base64URL {
    /// Encodes `bytes` as unpadded base64url, with swift-extras-base64's table encoder: Foundation's
    /// encoder plus two character replacements cost more than the ES256 signature on the signing
    /// path (BENCHMARKS.md, "What the profile shows").
    public static func encode(_ bytes: some DataProtocol) -> String {
        if let contiguous = bytes.withContiguousStorageIfAvailable({ Base64.encodeToString(bytes: $0, options: [.base64UrlAlphabet, .omitPaddingCharacter]) }) {
            return contiguous
        }
        return Base64.encodeToString(bytes: Array(bytes), options: [.base64UrlAlphabet, .omitPaddingCharacter])
    }

    /// Decodes unpadded base64url, or returns `nil` for anything that is not its canonical form.
    public static func decode(_ text: some StringProtocol) -> [UInt8]? {
        decode(bytes: Array(text.utf8))
    }

    /// Decodes unpadded base64url given as ASCII bytes, or returns `nil` for anything that is not its
    /// canonical form.
    public static func decode(bytes characters: some Collection<UInt8>) -> [UInt8]? {
        guard characters.count % 4 != 1 else { return nil }
        var output: [UInt8] = []
        output.reserveCapacity(characters.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bitCount = 0
        for character in characters {
            let value = sextets[Int(character)]
            guard value != invalid else { return nil }
            accumulator = (accumulator << 6) | UInt32(value)
            bitCount += 6
            if bitCount >= 8 {
                bitCount -= 8
                output.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bitCount)))
                accumulator &= (1 << UInt32(bitCount)) - 1
            }
        }
        // Leftover bits (2 or 4) must be zero, otherwise two spellings decode to the same bytes.
        guard accumulator == 0 else { return nil }
        return output
    }

    private static let invalid: UInt8 = 0xFF
    /// `sextet(_:)` for every byte value, `invalid` where it has none: one load per character.
    private static let sextets: [UInt8] = (0...255).map { sextet(UInt8($0)) ?? invalid }

    /// The 6-bit value of one base64url character.
    private static func sextet(_ character: UInt8) -> UInt8? {
        switch character {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): character - UInt8(ascii: "A")
        case UInt8(ascii: "a")...UInt8(ascii: "z"): character - UInt8(ascii: "a") + 26
        case UInt8(ascii: "0")...UInt8(ascii: "9"): character - UInt8(ascii: "0") + 52
        case UInt8(ascii: "-"): 62
        case UInt8(ascii: "_"): 63
        default: nil
        }
    }
}
