import Foundation
public import HTTPTypes
public import Hummingbird
public import ZeroTouchCore

/// A refusal by the protected resource, rendered with its RFC 6750 §3 `WWW-Authenticate: Bearer`
/// challenge carrying RFC 9728 §5.1 `resource_metadata`.
///
/// | kind | status | `WWW-Authenticate` | body |
/// |---|---|---|---|
/// | `missingToken` | 401 | `Bearer resource_metadata="…", scope="…"` (no `error`, RFC 6750 §3.1) | empty |
/// | `invalidRequest` | 400 | `Bearer error="invalid_request", error_description="…", resource_metadata="…"` | RFC 6749 §5.2 JSON |
/// | `invalidToken` | 401 | `Bearer error="invalid_token", error_description="…", resource_metadata="…"` | JSON |
/// | `insufficientScope` | 403 | `Bearer error="insufficient_scope", error_description="…", resource_metadata="…", scope="<needed>"` | JSON |
/// | `temporarilyUnavailable` | 503 | none; `Retry-After: 30` | JSON `temporarily_unavailable` |
///
/// Every response has `Cache-Control: no-store`. This is not an `OAuthErrorConvertible`, so
/// ZeroTouchServer's error middleware lets it render itself with its challenge.
public struct BearerChallenge: HTTPResponseError, Equatable, CustomStringConvertible {
    /// What went wrong.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// No access token was presented (RFC 6750 §3.1, no `error`).
        case missingToken
        /// The request is malformed: `invalid_request`.
        case invalidRequest
        /// The token was refused: `invalid_token`.
        case invalidToken
        /// The token lacks a scope: `insufficient_scope`.
        case insufficientScope
        /// The authorization server cannot be reached to verify the token.
        case temporarilyUnavailable
    }

    /// What went wrong.
    public var kind: Kind
    /// The `error_description`: safe to show, never a token.
    public var errorDescription: String?
    /// The `scope` attribute: the suggested scope on a 401, the needed scope on a 403.
    public var scope: Scope
    /// The `resource_metadata` URL (RFC 9728 §5.1).
    public var resourceMetadataURL: String

    /// Creates a challenge.
    public init(_ kind: Kind, description: String? = nil, scope: Scope = [], resourceMetadataURL: String) {
        self.kind = kind
        self.errorDescription = description
        self.scope = scope
        self.resourceMetadataURL = resourceMetadataURL
    }

    /// No access token (or another scheme): 401 with discovery parameters only (RFC 6750 §3.1).
    public static func missingToken(_ parameters: BearerChallengeParameters) -> BearerChallenge {
        BearerChallenge(.missingToken, scope: parameters.scope, resourceMetadataURL: parameters.resourceMetadataURL)
    }

    /// A malformed request: 400 `invalid_request` (RFC 6750 §3.1).
    public static func invalidRequest(_ rejection: BearerRequestRejection, _ parameters: BearerChallengeParameters) -> BearerChallenge {
        BearerChallenge(.invalidRequest, description: rejection.errorDescription, resourceMetadataURL: parameters.resourceMetadataURL)
    }

    /// A refused token: 401 `invalid_token`, or 503 when the authorization server cannot be reached.
    public static func rejected(_ rejection: AccessTokenRejection, _ parameters: BearerChallengeParameters) -> BearerChallenge {
        let kind: Kind = rejection.errorCode == .temporarilyUnavailable ? .temporarilyUnavailable : .invalidToken
        return BearerChallenge(kind, description: rejection.errorDescription, resourceMetadataURL: parameters.resourceMetadataURL)
    }

    /// A valid token without the scope a route or tool needs: 403 `insufficient_scope` naming
    /// the needed scope (RFC 6750 §3.1; MCP "Runtime Insufficient Scope Errors").
    public static func insufficientScope(
        required: Scope, _ parameters: BearerChallengeParameters, description: String? = nil
    ) -> BearerChallenge {
        BearerChallenge(
            .insufficientScope, description: description ?? "this request needs scope '\(required)'", scope: required,
            resourceMetadataURL: parameters.resourceMetadataURL)
    }

    /// The HTTP status.
    public var status: HTTPResponse.Status {
        switch kind {
        case .missingToken, .invalidToken: .unauthorized
        case .invalidRequest: .badRequest
        case .insufficientScope: .forbidden
        case .temporarilyUnavailable: .serviceUnavailable
        }
    }

    /// The OAuth `error` code, absent for a missing token.
    public var errorCode: OAuthErrorCode? {
        switch kind {
        case .missingToken: nil
        case .invalidRequest: .invalidRequest
        case .invalidToken: .invalidToken
        case .insufficientScope: .insufficientScope
        case .temporarilyUnavailable: .temporarilyUnavailable
        }
    }

    /// The `WWW-Authenticate` value, or `nil` for 503.
    public var headerValue: String? {
        var attributes: [(String, String)] = []
        switch kind {
        case .temporarilyUnavailable:
            return nil
        case .missingToken:
            if !resourceMetadataURL.isEmpty { attributes.append(("resource_metadata", resourceMetadataURL)) }
            if !scope.isEmpty { attributes.append(("scope", scope.description)) }
        case .invalidRequest, .invalidToken, .insufficientScope:
            attributes.append(("error", errorCode?.rawValue ?? ""))
            if let errorDescription { attributes.append(("error_description", Self.wireSafe(errorDescription))) }
            if !resourceMetadataURL.isEmpty { attributes.append(("resource_metadata", resourceMetadataURL)) }
            if !scope.isEmpty { attributes.append(("scope", scope.description)) }
        }
        guard !attributes.isEmpty else { return "Bearer" }
        return "Bearer " + attributes.map { "\($0.0)=\(Self.quoted($0.1))" }.joined(separator: ", ")
    }

    /// Renders the response described in the type's table.
    public func response(from request: Request, context: some RequestContext) throws -> Response {
        var headers = HTTPFields()
        headers[.cacheControl] = "no-store"
        if let headerValue { headers[.wwwAuthenticate] = headerValue }
        if kind == .temporarilyUnavailable { headers[.retryAfter] = "30" }
        guard let errorCode else { return Response(status: status, headers: headers) }
        var members = ["error": errorCode.rawValue]
        if let errorDescription { members["error_description"] = Self.wireSafe(errorDescription) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(members)
        headers[.contentType] = "application/json"
        headers[.contentLength] = String(data.count)
        return Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The log line: kind and description, never a token.
    public var description: String { "\(kind.rawValue): \(errorDescription ?? "-")" }

    /// An RFC 9110 §5.6.4 quoted-string.
    static func quoted(_ value: String) -> String {
        "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Keeps the characters RFC 6750 §3 allows in `error_description` (`%x20-21 / %x23-5B / %x5D-7E`).
    static func wireSafe(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            switch scalar.value {
            case 0x20...0x21, 0x23...0x5B, 0x5D...0x7E: scalar
            default: " "
            }
        }))
    }
}
