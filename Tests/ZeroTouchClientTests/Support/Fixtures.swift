import Foundation
import Hummingbird
import Logging
import Testing
import ZeroTouchClient
import ZeroTouchCore

typealias RouterBuilder = @Sendable () -> Router<BasicRequestContext>

extension MockWorld {
    /// The client configured as the conformance context says: the IdP token endpoint given, the
    /// IdP client sending only `client_id`, Basic credentials for the mock authorization server.
    func configuration(credentials: AuthorizationServerCredentials? = nil) -> EnterpriseAuthorizationConfiguration {
        let idpURL = read(\.idpURL)
        let asURL = read(\.asURL)
        return EnterpriseAuthorizationConfiguration(
            identityProvider: IdentityProviderSettings(
                issuer: Issuer(idpURL), tokenEndpoint: idpURL + "/token", credential: TokenEndpointCredential(clientID: ClientID(Self.idpClientID))),
            authorizationServers: credentials
                ?? AuthorizationServerCredentials([
                    Issuer(asURL): TokenEndpointCredential(clientID: ClientID(Self.clientID), secret: SecretValue(Self.clientSecret))
                ]))
    }

    /// An authorizer with the conformance context's ID token.
    func authorizer(
        credentials: AuthorizationServerCredentials? = nil, clock: any WallClock = SystemClock(), logger: Logger? = nil
    ) throws -> EnterpriseAuthorizer {
        var quiet = Logger(label: "zerotouch.client.tests")
        quiet.logLevel = .critical
        let logger = logger ?? quiet
        return EnterpriseAuthorizer(configuration: configuration(credentials: credentials), identity: StaticIDToken(try idToken()), clock: clock, logger: logger)
    }

    func connector(credentials: AuthorizationServerCredentials? = nil, clock: any WallClock = SystemClock()) throws -> MCPConnector {
        MCPConnector(authorizer: try authorizer(credentials: credentials, clock: clock), requestTimeout: .seconds(10))
    }
}

/// Expects `body` to throw a `ZeroTouchClientError` with `code` and returns it.
func expectClientError(
    _ code: ZeroTouchClientError.Code, sourceLocation: SourceLocation = #_sourceLocation, _ body: () async throws -> Void
) async -> ZeroTouchClientError? {
    do {
        try await body()
        Issue.record("expected \(code), but nothing was thrown", sourceLocation: sourceLocation)
        return nil
    } catch let error as ZeroTouchClientError {
        #expect(error.code == code, "got \(error)", sourceLocation: sourceLocation)
        return error
    } catch {
        Issue.record("expected \(code), got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}
