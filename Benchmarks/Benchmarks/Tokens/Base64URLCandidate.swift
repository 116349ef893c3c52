import Foundation

/// A table-driven base64url encoder (RFC 4648 §5, no padding), kept here only to measure what
/// replacing `ZeroTouchJOSE.Base64URL.encode` (Foundation base64 + two `replacingOccurrences`)
/// would save on the signing path. Not used by any other benchmark.
enum Base64URLCandidate {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".utf8)

    static func encode(_ bytes: some Collection<UInt8>) -> String {
        let input = Array(bytes)
        let outputCount = (input.count * 4 + 2) / 3
        return String(unsafeUninitializedCapacity: outputCount) { output in
            var write = 0
            var read = 0
            while read + 3 <= input.count {
                let value = UInt32(input[read]) << 16 | UInt32(input[read + 1]) << 8 | UInt32(input[read + 2])
                output[write] = alphabet[Int(value >> 18 & 63)]
                output[write + 1] = alphabet[Int(value >> 12 & 63)]
                output[write + 2] = alphabet[Int(value >> 6 & 63)]
                output[write + 3] = alphabet[Int(value & 63)]
                read += 3
                write += 4
            }
            let remaining = input.count - read
            if remaining > 0 {
                let value = UInt32(input[read]) << 16 | (remaining == 2 ? UInt32(input[read + 1]) << 8 : 0)
                output[write] = alphabet[Int(value >> 18 & 63)]
                output[write + 1] = alphabet[Int(value >> 12 & 63)]
                write += 2
                if remaining == 2 {
                    output[write] = alphabet[Int(value >> 6 & 63)]
                    write += 1
                }
            }
            return write
        }
    }
}
