import Hummingbird
import ZeroTouchCore
import ZeroTouchServer

/// `POST /admin/api/users`.
struct UserCreateBody: Codable, Sendable {
    var username: String
    var email: String?
    var displayName: String
    var password: String

    var details: UserDetails { UserDetails(username: username, email: email, displayName: displayName) }
}

/// `PUT /admin/api/users/:id`.
struct UserUpdateBody: Codable, Sendable {
    var username: String
    var email: String?
    var displayName: String
}

/// `POST /admin/api/users/:id/password`.
struct PasswordBody: Codable, Sendable {
    var password: String
}

/// `POST`/`PUT /admin/api/groups`.
struct GroupBody: Codable, Sendable {
    var name: String
    var description: String?
}

/// A TOTP enrollment, shown once.
struct EnrollmentView: Codable, Sendable {
    var secret: String
    var provisioningURI: String
}

/// Helpers shared by the admin handlers.
enum Admin {
    /// The largest admin request body: 256 KiB.
    static let maximumBodySize = 256 * 1024

    /// The JSON body of a request.
    static func body<Value: Decodable>(_ type: Value.Type, of request: Request) async throws -> Value {
        try await request.decodeJSONBody(as: type, maximumSize: maximumBodySize)
    }

    /// A JSON response, never cached.
    static func json(_ value: some Encodable & Sendable, status: HTTPResponse.Status = .ok, request: Request, context: IdPRequestContext) throws -> Response {
        try OAuthJSONResponse(value, status: status).response(from: request, context: context)
    }

    /// `204 No Content` after a change without a body to return.
    static var noContent: Response { Response(status: .noContent) }

    /// The admin who made the request (set by `AdminAuthenticationMiddleware`).
    static func actor(_ context: IdPRequestContext) throws -> String {
        guard let name = context.adminName else {
            throw OAuthErrorResponse(.invalidToken, description: "a valid admin bearer token is required", challengeScheme: "Bearer")
        }
        return name
    }

    /// A path parameter.
    static func parameter(_ name: String, _ context: IdPRequestContext) throws -> String {
        guard let value = context.parameters.get(name), value.utf8.count <= 2048 else {
            throw OAuthErrorResponse.invalidRequest("missing or oversized path parameter '\(name)'")
        }
        return value
    }
}
