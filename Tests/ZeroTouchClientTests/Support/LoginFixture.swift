import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import ZeroTouchClient
import ZeroTouchCore

/// A mock OpenID provider on loopback, a temporary credentials file, and a "browser" that follows
/// the authorization endpoint's redirect to the client's loopback listener.
struct LoginFixture: Sendable {
    let provider: MockOpenIDProvider
    let clock: ManualClock
    let directory: URL
    let issuer: String

    var store: CredentialStore { CredentialStore(fileURL: directory.appendingPathComponent("zerotouch/credentials.json")) }

    var signOn: SingleSignOn {
        SingleSignOn(
            settings: LoginSettings(
                issuer: Issuer(issuer),
                credential: TokenEndpointCredential(clientID: ClientID(MockOpenIDProvider.clientID), secret: SecretValue(MockOpenIDProvider.clientSecret)),
                browserTimeout: .seconds(10)),
            clock: clock)
    }

    /// Runs `body` with a provider at a fresh temporary directory, removed afterwards.
    static func run(_ body: @Sendable (LoginFixture) async throws -> Void) async throws {
        let clock = ManualClock()
        let provider = try MockOpenIDProvider(clock: clock)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zt-client-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try await Loopback.run([provider.router()]) { urls in
            provider.update { $0.url = urls[0] }
            try await body(LoginFixture(provider: provider, clock: clock, directory: directory, issuer: urls[0]))
        }
    }

    /// The browser: GET the authorization URL, then follow its `Location` to the loopback listener.
    static let browser: @Sendable (URL) async throws -> Void = { url in
        let response = try await ZeroTouchHTTPClient.shared.execute(HTTPClientRequest(url: url.absoluteString), timeout: .seconds(5))
        _ = try await response.body.collect(upTo: 1 << 16)
        guard response.status.code == 302, let location = response.headers.first(name: "Location") else {
            throw ZeroTouchClientError(.loginFailed, "the IdP did not redirect (HTTP \(response.status.code))")
        }
        let callback = try await ZeroTouchHTTPClient.shared.execute(HTTPClientRequest(url: location), timeout: .seconds(5))
        _ = try await callback.body.collect(upTo: 1 << 16)
    }

    /// The POSIX permission bits of `url`.
    static func permissions(_ url: URL) throws -> Int {
        try (FileManager.default.attributesOfItem(atPath: url.path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
    }
}
