/// An error that is answered with the RFC 6749 §5.2 JSON error response.
///
/// Handlers throw this; `ZeroTouchServer` renders it as `{"error":…,"error_description":…}` with
/// `Cache-Control: no-store`. The description is shown to callers: it must never contain a token,
/// an assertion, a secret or configuration that should stay private.
public struct OAuthErrorResponse: Error, Equatable, Sendable, CustomStringConvertible {
    /// The `error` member.
    public var code: OAuthErrorCode
    /// The `error_description` member: human-readable, safe to show to the caller.
    public var errorDescription: String?
    /// The HTTP status; 400 unless the code calls for another (401 for `invalid_client`).
    public var status: Int
    /// The authentication scheme the client used, when it used the `Authorization` header; an
    /// `invalid_client` response then carries `WWW-Authenticate` with this scheme (RFC 6749 §5.2).
    public var challengeScheme: String?
    /// Extra members added to the JSON body, such as an audit reference.
    public var additionalFields: [String: String]

    /// Creates an error response.
    /// - Parameters:
    ///   - code: the `error` member.
    ///   - description: the `error_description` member.
    ///   - status: the HTTP status; by default 401 for `invalid_client`, 500 for `server_error`,
    ///     503 for `temporarily_unavailable` and 400 otherwise.
    ///   - challengeScheme: the scheme for `WWW-Authenticate` on a 401.
    ///   - additionalFields: extra JSON members.
    public init(
        _ code: OAuthErrorCode,
        description: String? = nil,
        status: Int? = nil,
        challengeScheme: String? = nil,
        additionalFields: [String: String] = [:]
    ) {
        self.code = code
        self.errorDescription = description
        self.status = status ?? Self.defaultStatus(for: code)
        self.challengeScheme = challengeScheme
        self.additionalFields = additionalFields
    }

    /// The status RFC 6749 §5.2 and its extensions give a code.
    public static func defaultStatus(for code: OAuthErrorCode) -> Int {
        switch code {
        case .invalidClient, .invalidToken: 401
        case .insufficientScope: 403
        case .serverError: 500
        case .temporarilyUnavailable: 503
        default: 400
        }
    }

    public var description: String {
        if let errorDescription { "\(code.rawValue): \(errorDescription)" } else { code.rawValue }
    }

    /// `invalid_request` with a description.
    public static func invalidRequest(_ description: String) -> OAuthErrorResponse {
        OAuthErrorResponse(.invalidRequest, description: description)
    }
}

/// The JSON body of an RFC 6749 §5.2 error, as received by a client.
public struct OAuthErrorBody: Codable, Sendable, Equatable {
    public var error: String
    public var errorDescription: String?
    public var errorURI: String?
    /// ZeroTouch's audit reference for a denied request, when the server gave one.
    public var auditReference: String?

    public init(error: String, errorDescription: String? = nil, errorURI: String? = nil, auditReference: String? = nil) {
        self.error = error
        self.errorDescription = errorDescription
        self.errorURI = errorURI
        self.auditReference = auditReference
    }

    enum CodingKeys: String, CodingKey {
        case error
        case errorDescription = "error_description"
        case errorURI = "error_uri"
        case auditReference = "audit_reference"
    }
}
