import Foundation
import HTTPTypes
public import Hummingbird
public import ZeroTouchCore

/// Renders `OAuthErrorResponse` as the RFC 6749 §5.2 error response.
///
/// The body is `{"error":…,"error_description":…}` plus `additionalFields`, with
/// `Content-Type: application/json`, `Cache-Control: no-store` and `Pragma: no-cache`. A 401 whose
/// `challengeScheme` is set also carries `WWW-Authenticate: <Scheme> realm="zerotouch", error="invalid_client"`
/// ("the authorization server MUST … include the WWW-Authenticate response header field matching
/// the authentication scheme used by the client", RFC 6749 §5.2).
///
/// - Note: Core's `status: Int` and this conformance's `status: HTTPResponse.Status` share a name.
///   In files that import ZeroTouchServer, use `statusCode` for the integer; a bare
///   `let s = error.status` is ambiguous there (comparing with a literal still compiles).
extension OAuthErrorResponse: HTTPResponseError {
    /// The HTTP status of the error (RFC 6749 §5.2: 400 unless the code calls for another).
    public var status: HTTPResponse.Status {
        HTTPResponse.Status(code: statusCode)
    }

    /// Builds the RFC 6749 §5.2 JSON error response.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var members = additionalFields.filter { $0.key != "error" && $0.key != "error_description" }
        members["error"] = code.rawValue
        if let errorDescription {
            members["error_description"] = Self.wireSafe(errorDescription)
        }
        var headers = HTTPFields.oauthNoStore
        if let challenge = challenge {
            headers[.wwwAuthenticate] = challenge
        }
        return try OAuthJSON.response(members, status: status, headers: headers)
    }

    /// The `WWW-Authenticate` value for a 401 when the client authenticated with a scheme.
    var challenge: String? {
        guard statusCode == 401, let scheme = challengeScheme else { return nil }
        let token = scheme.unicodeScalars.filter { Self.isTokenCharacter($0) }
        guard !token.isEmpty else { return nil }
        return "\(String(String.UnicodeScalarView(token))) realm=\"zerotouch\", error=\"\(self.code.rawValue)\""
    }

    /// Restricts a description to the characters RFC 6749 §5.2 allows in `error_description`
    /// (`%x20-21 / %x23-5B / %x5D-7E`): others become a space.
    static func wireSafe(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { scalar in
                    switch scalar.value {
                    case 0x20...0x21, 0x23...0x5B, 0x5D...0x7E: scalar
                    default: " "
                    }
                }
            )
        )
    }

    /// Whether `scalar` may appear in an RFC 9110 §5.6.2 token (an auth-scheme).
    static func isTokenCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": true
        case "!", "#", "$", "%", "&", "'", "*", "+", "-", ".", "^", "_", "`", "|", "~": true
        default: false
        }
    }
}
