import HTTPTypes
public import Hummingbird
import Logging
import Foundation

/// Finds and verifies the access token of each request (RFC 6750 §2.1, RFC 9068 §4), and puts the
/// identity in the context. It only *finds*: a request without a token passes through with no
/// identity, and `AuthenticatedRequestContext` enforces (STYLE.md §1.3).
///
/// In order, the first failure wins:
/// 1. an `access_token` query parameter → 400 `invalid_request` (RFC 6750 §2.3 is not offered);
/// 2. a form body with `access_token` → 400 `invalid_request` (RFC 6750 §2.2 is not offered);
/// 3. more than one `Authorization` field, or a malformed one → 400 `invalid_request`;
/// 4. no field, or another scheme → no identity (a later 401 without `error`, RFC 6750 §3.1);
/// 5. `Bearer` → the verifier: success sets `identity`; a rejection → 401 `invalid_token`
///    (or 503 when the authorization server cannot be reached).
///
/// Tokens are never recorded: the same token works until it expires.
public struct BearerAuthenticationMiddleware<Context: BearerRequestContext>: RouterMiddleware {
    /// Verifies presented tokens.
    public let verifier: any AccessTokenVerifier
    /// The challenge parameters of this resource.
    public let challenge: BearerChallengeParameters

    /// Creates the middleware.
    /// - Parameters:
    ///   - verifier: the access-token verifier.
    ///   - challenge: the resource's `resource_metadata` URL and suggested scope.
    public init(verifier: any AccessTokenVerifier, challenge: BearerChallengeParameters) {
        self.verifier = verifier
        self.challenge = challenge
    }

    /// Runs the steps above, then `next`.
    /// - Throws: `BearerChallenge`, or what `next` throws.
    public func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var request = request
        var context = context
        context.bearer.challenge = challenge
        do {
            try await Self.refuseTokenOutsideHeader(&request, context: context)
            let credentials = try BearerCredentials(fieldValues: request.headers[values: .authorization])
            if case .bearer(let token) = credentials {
                context.bearer.identity = try await verify(token, context: context)
            }
        } catch let rejection as BearerRequestRejection {
            context.logger.info("bearer request refused", metadata: ["reason": .string(rejection.description)])
            throw BearerChallenge.invalidRequest(rejection, challenge)
        }
        return try await next(request, context)
    }

    private func verify(_ token: BearerToken, context: Context) async throws -> VerifiedAccessToken {
        do {
            let identity = try await verifier.verify(token)
            context.logger.debug("access token verified", metadata: ["token": .string(identity.description)])
            return identity
        } catch {
            context.logger.info("access token refused", metadata: ["reason": .string(error.description)])
            throw BearerChallenge.rejected(error, challenge)
        }
    }

    /// Steps 1–2: tokens are accepted in the header only.
    static func refuseTokenOutsideHeader(_ request: inout Request, context: Context) async throws {
        if let query = request.uri.query, URLEncodedNames.contains("access_token", in: Substring(query)) {
            throw BearerRequestRejection.tokenInQuery
        }
        let mediaType = request.headers[.contentType]?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased()
        guard mediaType == "application/x-www-form-urlencoded" else { return }
        let body = try await request.collectBody(upTo: context.maxUploadSize)
        let text = String(buffer: body)
        if URLEncodedNames.contains("access_token", in: Substring(text)) { throw BearerRequestRejection.tokenInBody }
    }
}
