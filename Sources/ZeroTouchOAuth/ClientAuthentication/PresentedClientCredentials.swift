public import ZeroTouchCore
import Foundation

/// The client credentials found in one token-endpoint request, before they are checked.
///
/// Extraction enforces RFC 6749 §2.3: exactly one method per request. Basic credentials are
/// base64-decoded, split at the first colon and each part form-decoded (RFC 6749 §2.3.1).
public enum PresentedClientCredentials: Equatable, Sendable {
    case basic(ClientID, secret: String)
    case post(ClientID, secret: String)
    case assertion(claimedClientID: ClientID?, assertion: String)
    case publicClient(ClientID)

    /// The method these credentials use.
    public var method: ClientAuthenticationMethod {
        switch self {
        case .basic: .clientSecretBasic
        case .post: .clientSecretPost
        case .assertion: .privateKeyJWT
        case .publicClient: .none
        }
    }

    /// Finds the credentials in a request.
    /// - Parameters:
    ///   - form: the parsed request body.
    ///   - authorization: the `Authorization` header value, if any.
    /// - Throws: `ClientAuthenticationRejection` when none, several, or malformed credentials are present.
    public init(form: URLEncodedForm, authorization: String?) throws(ClientAuthenticationRejection) {
        let formClientID = form.value("client_id").map(ClientID.init)
        var found: [PresentedClientCredentials] = []
        if let authorization {
            found.append(try Self.basic(authorization))
        }
        if let secret = form["client_secret"] {
            guard let formClientID else { throw .missingCredentials }
            found.append(.post(formClientID, secret: secret))
        }
        if let assertionType = form.value("client_assertion_type") {
            guard assertionType == ClientAssertionType.jwtBearer.rawValue else { throw .unsupportedAssertionType }
            guard let assertion = form.value("client_assertion") else { throw .invalidAssertion(formClientID, reason: "client_assertion is missing") }
            found.append(.assertion(claimedClientID: formClientID, assertion: assertion))
        } else if form["client_assertion"] != nil {
            throw .unsupportedAssertionType
        }
        guard found.count <= 1 else { throw .multipleMethods }
        guard let credentials = found.first else {
            guard let formClientID else { throw .missingCredentials }
            self = .publicClient(formClientID)
            return
        }
        if case .basic(let id, _) = credentials, let formClientID, formClientID != id { throw .clientIDMismatch }
        self = credentials
    }

    /// Parses `Basic base64(urlencode(id):urlencode(secret))` (RFC 7617 §2, RFC 6749 §2.3.1).
    static func basic(_ header: String) throws(ClientAuthenticationRejection) -> PresentedClientCredentials {
        let parts = header.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard parts.count == 2 else { throw .malformedBasicHeader }
        guard parts[0].lowercased() == "basic" else { throw .unsupportedScheme }
        guard header.utf8.count <= 4096, let data = Data(base64Encoded: String(parts[1]).trimmingCharacters(in: .whitespaces)),
            let decoded = String(data: data, encoding: .utf8), let colon = decoded.firstIndex(of: ":")
        else { throw .malformedBasicHeader }
        guard let id = try? URLEncodedForm.decodeComponent(String(decoded[..<colon])),
            let secret = try? URLEncodedForm.decodeComponent(String(decoded[decoded.index(after: colon)...])), !id.isEmpty
        else { throw .malformedBasicHeader }
        return .basic(ClientID(id), secret: secret)
    }
}
