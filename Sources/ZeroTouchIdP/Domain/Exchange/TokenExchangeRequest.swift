import Foundation
public import ZeroTouchCore

/// The parameters of an RFC 8693 token-exchange request for an ID-JAG (RFC 8693 §2.1, ID-JAG §4.3),
/// checked for presence, size and shape. Nothing here is trusted yet.
public struct TokenExchangeRequest: Sendable, Equatable {
    /// The ID token; verified by `IDTokenVerifier`.
    public var subjectToken: String
    /// The RAS issuer identifier (EMA-S §4).
    public var audience: Issuer
    /// The MCP server's resource identifier, when sent (EMA-S §4: OPTIONAL).
    public var resource: ResourceIdentifier?
    /// The requested scope; empty asks for everything policy allows (decisions X-5).
    public var scope: Scope

    /// The longest `audience` or `resource` accepted.
    static let maximumURILength = MCPServer.maximumURILength
    /// The longest `subject_token` accepted (the JOSE parser's cap).
    static let maximumSubjectTokenLength = 16 * 1024
    /// The longest `scope` accepted: it is echoed into the audit record, whose details are bounded.
    static let maximumScopeLength = 4 * 1024

    /// Reads a form, in the order: `requested_token_type`, `subject_token_type`, `subject_token`,
    /// unsupported parameters, `audience`, `resource`, `scope` (each of bounded length).
    /// - Throws: `TokenExchangeRejection`.
    public init(form: URLEncodedForm) throws(TokenExchangeRejection) {
        let requestedType = try Self.require("requested_token_type", in: form)
        guard requestedType == TokenType.idJAG.rawValue else { throw .unsupportedRequestedTokenType(requestedType) }
        let subjectType = try Self.require("subject_token_type", in: form)
        guard subjectType == TokenType.idToken.rawValue else { throw .unsupportedSubjectTokenType(subjectType) }
        let subjectToken = try Self.require("subject_token", in: form)
        guard subjectToken.utf8.count <= Self.maximumSubjectTokenLength else { throw .parameterTooLong("subject_token") }
        for name in ["actor_token", "actor_token_type", "authorization_details"] where form[name] != nil {
            throw .unsupportedParameter(name)
        }
        let audience = try Self.absoluteURI("audience", in: form)
        let resource = try form.value("resource") == nil ? nil : Self.absoluteURI("resource", in: form)
        let requestedScope = form.value("scope") ?? ""
        guard requestedScope.utf8.count <= Self.maximumScopeLength else { throw .parameterTooLong("scope") }
        do {
            scope = try Scope(parsing: requestedScope)
        } catch {
            throw .malformedScope
        }
        self.subjectToken = subjectToken
        self.audience = Issuer(audience)
        self.resource = resource.map(ResourceIdentifier.init)
    }

    private static func require(_ name: String, in form: URLEncodedForm) throws(TokenExchangeRejection) -> String {
        guard let value = form.value(name) else { throw .missingParameter(name) }
        return value
    }

    /// An absolute URI (RFC 3986 §4.3) of bounded length: a scheme and no fragment.
    private static func absoluteURI(_ name: String, in form: URLEncodedForm) throws(TokenExchangeRejection) -> String {
        let value = try require(name, in: form)
        guard value.utf8.count <= maximumURILength else { throw .parameterTooLong(name) }
        guard let components = URLComponents(string: value), components.scheme != nil, components.fragment == nil,
            !value.contains(where: \.isWhitespace)
        else { throw .malformedTarget(name) }
        return value
    }
}
