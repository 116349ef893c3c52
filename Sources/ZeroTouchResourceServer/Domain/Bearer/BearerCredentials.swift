/// What a request's `Authorization` field offers (RFC 7235 §2.1, RFC 6750 §2.1).
public enum BearerCredentials: Sendable, Equatable {
    /// No `Authorization` field.
    case absent
    /// A scheme other than `Bearer` (`Basic`, `DPoP`, …): the client did not present an access
    /// token, which RFC 6750 §3.1 answers like a missing token (no `error` attribute).
    case otherScheme(String)
    /// A Bearer token, syntactically valid.
    case bearer(BearerToken)

    /// The scheme name compared case-insensitively (RFC 7235 §2.1: "case-insensitive token").
    public static let scheme = "bearer"

    /// Parses the values of the `Authorization` fields of one request.
    ///
    /// The field is `auth-scheme [ 1*SP token68 ]`; optional whitespace around the value is
    /// ignored (RFC 9110 §5.5). For Bearer, the credentials are exactly one `b64token`.
    /// - Parameter fieldValues: every `Authorization` field value of the request, in order.
    /// - Throws: `BearerRequestRejection.multipleAuthorizationFields`, `.malformedAuthorization`,
    ///   `.malformedBearerCredentials`.
    public init(fieldValues: [String]) throws(BearerRequestRejection) {
        guard fieldValues.count <= 1 else { throw .multipleAuthorizationFields(count: fieldValues.count) }
        guard let raw = fieldValues.first else {
            self = .absent
            return
        }
        let value = raw.trimmingOWS()
        let parts = value.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard let scheme = parts.first, scheme.utf8.allSatisfy(Self.isTokenCharacter) else { throw .malformedAuthorization }
        guard scheme.lowercased() == Self.scheme else {
            self = .otherScheme(String(scheme.prefix(32)))
            return
        }
        guard parts.count == 2 else { throw .malformedBearerCredentials }
        let credentials = parts[1].drop { $0 == " " }
        guard let token = BearerToken(b64token: credentials) else { throw .malformedBearerCredentials }
        self = .bearer(token)
    }

    /// Whether `byte` may appear in an RFC 9110 §5.6.2 `token` (an auth-scheme).
    static func isTokenCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): true
        default: Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
        }
    }
}

extension String {
    /// The value without leading and trailing spaces and tabs (RFC 9110 §5.6.3 OWS).
    fileprivate func trimmingOWS() -> Substring {
        let isOWS: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = firstIndex(where: { !isOWS($0) }), let end = lastIndex(where: { !isOWS($0) }) else { return "" }
        return self[start...end]
    }
}
