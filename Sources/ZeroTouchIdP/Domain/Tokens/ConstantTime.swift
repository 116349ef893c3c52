/// Comparison of secrets without early exit, so that timing does not reveal how many leading
/// characters matched (CSRF tokens, PKCE challenges).
enum ConstantTime {
    /// Whether `lhs` and `rhs` are equal. Differing lengths answer `false` at once: lengths are not secret.
    static func equals(_ lhs: String, _ rhs: String) -> Bool {
        let left = Array(lhs.utf8)
        let right = Array(rhs.utf8)
        guard left.count == right.count else { return false }
        var difference: UInt8 = 0
        for index in left.indices { difference |= left[index] ^ right[index] }
        return difference == 0
    }
}
