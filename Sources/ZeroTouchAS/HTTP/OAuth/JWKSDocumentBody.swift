import ZeroTouchJOSE

/// The published JWKS as a response body (RFC 7517 §5).
struct JWKSDocumentBody: Encodable, Sendable {
    let document: JWKSDocument

    init(_ document: JWKSDocument) { self.document = document }

    func encode(to encoder: any Encoder) throws { try document.encode(to: encoder) }
}
