/// Random passwords people can type: 4 groups of 4 characters from an alphabet without look-alikes
/// (no 0/O, 1/l/I), about 79 bits from the system CSPRNG, within bcrypt's 72 bytes.
enum SecretGenerator {
    private static let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")

    /// A new password such as `kq7m-x2pd-9wzt-h4nc`.
    static func password() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String((0..<4).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &generator)] }) }
            .joined(separator: "-")
    }
}
