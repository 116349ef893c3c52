import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import ZeroTouchCore
import ZeroTouchResourceServer
import ZeroTouchServer

/// A protected resource with plain HTTP routes, built with the production `ApplicationBuilder`:
/// `GET /files` returns the caller as text, `POST /files/write` needs `files.write`.
enum RSTestApplication {
    static func make(verifier: any AccessTokenVerifier) throws -> some ApplicationProtocol {
        let resource = RSFixture.protectedResource()
        let challenge = BearerChallengeParameters(resource: resource)
        let builder = ApplicationBuilder(server: ServerSettings(), logger: Logger(label: "rs-test"))
        return try builder.makeApplication(context: ResourceRequestContext.self) { router in
            try ProtectedResourceMetadataRoutes.addRoutes(to: router, resource: resource)
            let files = router.group("files")
                .add(middleware: BearerAuthenticationMiddleware(verifier: verifier, challenge: challenge))
                .group(context: AuthenticatedRequestContext<ResourceRequestContext>.self)
            files.get { _, context in
                "\(context.identity.subject) via \(context.identity.clientID) scope=\(context.identity.scope)"
            }
            files.group("write").add(middleware: RequiredScopeMiddleware(["files.write"])).post { _, context in
                "written by \(context.identity.subject)"
            }
        }
    }
}

extension TestResponse {
    /// The body as a string.
    var text: String { String(buffer: body) }

    /// The body as a JSON object of strings.
    var jsonObject: [String: String] { (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:] }
}

extension HTTPFields {
    /// `Authorization: Bearer <token>`.
    static func bearer(_ token: String) -> HTTPFields { [.authorization: "Bearer \(token)"] }
}
