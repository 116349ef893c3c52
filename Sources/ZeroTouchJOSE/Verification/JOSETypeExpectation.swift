import ZeroTouchCore

/// What a verifier requires of the `typ` header (RFC 7515 §4.1.9, RFC 8725 §3.11, decisions X-13).
///
/// Media types compare case-insensitively, and a `typ` without a `/` means `application/` plus
/// that value, so `oauth-id-jag+jwt`, `OAuth-ID-JAG+JWT` and `application/oauth-id-jag+jwt` are
/// one type. Signers emit exactly the short form they are given.
///
/// jwt-kit never checks `typ`, which is what makes explicit typing worthless there: an ID token or
/// access token could be replayed as an ID-JAG (RFC 8725 §3.12). This check is written by hand.
public struct JOSETypeExpectation: Sendable, Hashable, CustomStringConvertible {
    /// The expected media type in its short form, e.g. `oauth-id-jag+jwt`.
    public let type: String
    /// Whether a token without `typ` passes, for kinds of tokens whose senders rarely set it.
    public let allowsAbsentType: Bool

    /// Requires `typ` to be present and to equal `type`.
    public static func exactly(_ type: String) -> JOSETypeExpectation {
        JOSETypeExpectation(type: type, allowsAbsentType: false)
    }

    /// Accepts a token without `typ`, or with a `typ` equal to `type`. For RFC 7523 client
    /// assertions and OpenID Connect ID tokens, whose senders often omit `typ` or send `JWT`.
    public static func absentOr(_ type: String) -> JOSETypeExpectation {
        JOSETypeExpectation(type: type, allowsAbsentType: true)
    }

    /// An ID-JAG: `typ` must be `oauth-id-jag+jwt` (ID-JAG §3.1, §4.4.1).
    public static let idJAG = exactly(EnterpriseManagedAuthorization.idJAGType)
    /// An RFC 9068 access token: `typ` must be `at+jwt` (RFC 9068 §4).
    public static let accessToken = exactly(EnterpriseManagedAuthorization.accessTokenType)

    /// Whether a header `typ` satisfies this expectation.
    public func accepts(_ headerType: String?) -> Bool {
        guard let headerType else { return allowsAbsentType }
        return Self.normalized(headerType) == Self.normalized(type)
    }

    /// Checks a header's `typ`.
    /// - Throws: `JOSERejection.typeMismatch`.
    public func check(_ header: JOSEHeader) throws(JOSERejection) {
        guard accepts(header.type) else { throw .typeMismatch(expected: type, actual: header.type) }
    }

    /// The full, lower-cased media type (RFC 7515 §4.1.9).
    private static func normalized(_ type: String) -> String {
        let lowered = type.lowercased()
        return lowered.contains("/") ? lowered : "application/" + lowered
    }

    /// The expectation as shown in logs.
    public var description: String { allowsAbsentType ? "absent or '\(type)'" : "'\(type)'" }
}
