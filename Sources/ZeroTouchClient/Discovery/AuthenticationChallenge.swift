/// One challenge of a `WWW-Authenticate` header (RFC 9110 §11.6.1, §11.2):
/// `challenge = auth-scheme [ 1*SP ( token68 / #auth-param ) ]`, with
/// `auth-param = token BWS "=" BWS ( token / quoted-string )`.
///
/// The scheme compares case-insensitively and parameter names are lower-cased (RFC 9110 §11.1,
/// §11.2). A header may carry several challenges separated by commas, and a response may carry
/// several headers. Bearer challenges (RFC 6750 §3) carry `resource_metadata` (RFC 9728 §5.1),
/// `scope`, `error` and `error_description`.
public struct AuthenticationChallenge: Sendable, Hashable {
    /// The longest header value parsed; longer values are ignored (no challenge is read from them).
    public static let maximumHeaderLength = 8 * 1024

    /// The auth scheme as sent, e.g. `Bearer`.
    public var scheme: String
    /// The auth-params, names lower-cased, values unquoted. When a name repeats, the first value is kept.
    public var parameters: [String: String]
    /// A token68 value, for schemes that use one instead of parameters.
    public var token68: String?

    /// Creates a challenge.
    public init(scheme: String, parameters: [String: String] = [:], token68: String? = nil) {
        self.scheme = scheme
        self.parameters = parameters
        self.token68 = token68
    }

    /// Whether the scheme is `scheme`, ignoring case.
    public func hasScheme(_ scheme: String) -> Bool { self.scheme.lowercased() == scheme.lowercased() }

    /// Parses every challenge in the `WWW-Authenticate` header values `headers`, in order.
    /// Malformed parts are skipped rather than guessed at.
    public static func parse(_ headers: [String]) -> [AuthenticationChallenge] {
        headers.flatMap { parse($0) }
    }

    /// Parses every challenge in one `WWW-Authenticate` header value.
    public static func parse(_ header: String) -> [AuthenticationChallenge] {
        guard header.utf8.count <= maximumHeaderLength else { return [] }
        var scanner = ChallengeScanner(header)
        var challenges: [AuthenticationChallenge] = []
        while true {
            scanner.skip { $0 == " " || $0 == "\t" || $0 == "," }
            guard !scanner.isAtEnd else { break }
            let scheme = scanner.token()
            guard !scheme.isEmpty else {
                scanner.advance()
                continue
            }
            var challenge = AuthenticationChallenge(scheme: scheme)
            scanner.readParameters(into: &challenge)
            challenges.append(challenge)
        }
        return challenges
    }
}

/// A cursor over a header value, with the RFC 9110 §5.6 productions a challenge needs.
private struct ChallengeScanner {
    private let characters: [Character]
    private var index = 0

    init(_ text: String) { characters = Array(text) }

    var isAtEnd: Bool { index >= characters.count }
    var current: Character? { isAtEnd ? nil : characters[index] }
    mutating func advance() { index += 1 }

    mutating func skip(while predicate: (Character) -> Bool) {
        while let c = current, predicate(c) { advance() }
    }
    mutating func skipWhitespace() { skip { $0 == " " || $0 == "\t" } }

    /// `token = 1*tchar` (RFC 9110 §5.6.2).
    mutating func token() -> String {
        let start = index
        skip(while: Self.isTokenCharacter)
        return String(characters[start..<index])
    }

    static func isTokenCharacter(_ c: Character) -> Bool {
        guard let ascii = c.asciiValue else { return false }
        if c.isLetter || c.isNumber { return true }
        return "!#$%&'*+-.^_`|~".utf8.contains(ascii)
    }

    /// The parameters (or token68) after a scheme, up to the next challenge or the end.
    mutating func readParameters(into challenge: inout AuthenticationChallenge) {
        skipWhitespace()
        if let token68 = readToken68() {
            challenge.token68 = token68
            return
        }
        while !isAtEnd {
            let mark = index
            skip { $0 == " " || $0 == "\t" || $0 == "," }
            let name = token()
            skipWhitespace()
            guard !name.isEmpty, current == "=" else {
                // Not `name=`: the start of the next challenge (or garbage the caller skips).
                index = mark
                return
            }
            advance()
            skipWhitespace()
            let value = current == "\"" ? quotedString() : unquotedValue()
            let key = name.lowercased()
            if challenge.parameters[key] == nil { challenge.parameters[key] = value }
            skipWhitespace()
        }
    }

    /// `token68 = 1*( ALPHA / DIGIT / "-" / "." / "_" / "~" / "+" / "/" ) *"="` standing alone before a
    /// comma or the end (RFC 9110 §11.2). (A parameter with an empty value, `name=,`, reads as a token68.)
    private mutating func readToken68() -> String? {
        let start = index
        skip { c in c.isASCII && (c.isLetter || c.isNumber || "-._~+/".contains(c)) }
        let bodyEnd = index
        skip { $0 == "=" }
        let end = index
        skipWhitespace()
        if bodyEnd > start, isAtEnd || current == "," { return String(characters[start..<end]) }
        index = start
        return nil
    }

    /// `quoted-string` with `quoted-pair` escapes (RFC 9110 §5.6.4); an unterminated string ends at the end.
    private mutating func quotedString() -> String {
        advance()
        var value = ""
        while let c = current {
            advance()
            if c == "\"" { return value }
            if c == "\\", let escaped = current {
                value.append(escaped)
                advance()
            } else {
                value.append(c)
            }
        }
        return value
    }

    /// A bare value: a token, read leniently up to a comma or whitespace so that an unquoted URL survives.
    private mutating func unquotedValue() -> String {
        let start = index
        skip { $0 != "," && $0 != " " && $0 != "\t" }
        return String(characters[start..<index])
    }
}
