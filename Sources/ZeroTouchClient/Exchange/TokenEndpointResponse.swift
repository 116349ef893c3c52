import Foundation

/// A successful token response (RFC 6749 §5.1, RFC 8693 §2.2.1), decoded leniently: `expires_in`
/// may arrive as a number or a numeric string, and unknown members are ignored.
struct TokenEndpointResponse: Decodable, Sendable {
    var accessToken: String
    var tokenType: String?
    var issuedTokenType: String?
    var expiresIn: Int?
    var scope: String?
    var refreshToken: String?
    var idToken: String?

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case tokenType = "token_type"
        case issuedTokenType = "issued_token_type"
        case expiresIn = "expires_in"
        case scope
        case refreshToken = "refresh_token"
        case idToken = "id_token"
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        accessToken = try container.decode(String.self, forKey: .accessToken)
        tokenType = try container.decodeIfPresent(String.self, forKey: .tokenType)
        issuedTokenType = try container.decodeIfPresent(String.self, forKey: .issuedTokenType)
        scope = try container.decodeIfPresent(String.self, forKey: .scope)
        refreshToken = try container.decodeIfPresent(String.self, forKey: .refreshToken)
        idToken = try container.decodeIfPresent(String.self, forKey: .idToken)
        if let seconds = try? container.decodeIfPresent(Int.self, forKey: .expiresIn) {
            expiresIn = seconds
        } else if let seconds = try? container.decodeIfPresent(Double.self, forKey: .expiresIn) {
            expiresIn = Int(seconds)
        } else {
            expiresIn = (try? container.decodeIfPresent(String.self, forKey: .expiresIn))?.flatMap { Int($0) }
        }
    }
}
