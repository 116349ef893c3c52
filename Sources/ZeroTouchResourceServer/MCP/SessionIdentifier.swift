/// New session identifiers: 256 random bits as 64 hexadecimal digits, which are visible ASCII as
/// MCP requires ("Session Management") and cannot be guessed.
enum SessionIdentifier {
    static func make() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in
            let word = generator.next() as UInt64
            let hex = String(word, radix: 16)
            return String(repeating: "0", count: 16 - hex.count) + hex
        }.joined()
    }
}
