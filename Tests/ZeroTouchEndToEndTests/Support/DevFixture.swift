import Foundation
import Logging
import ZeroTouchClient
import ZeroTouchCommands
import ZeroTouchCore
import ZeroTouchStorage

/// A `DevEnvironment` on a temporary directory and free loopback ports, with the client library
/// wired to it: the in-process half of the end-to-end suite. bcrypt runs at cost 4 here.
struct DevFixture: Sendable {
    let environment: DevEnvironment
    /// The secrets of the first start (a restart returns none, so the fixture carries them over).
    let credentials: DevCredentials
    let client: DevClient

    var topology: DevTopology { environment.topology }
    var clock: AdjustableClock { environment.clock }
    var auditLog: any AuditLog { environment.auditLog }

    /// Runs `body` against a fresh environment, then stops it and removes its directory.
    static func run<T: Sendable>(_ body: (DevFixture) async throws -> T) async throws -> T {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let fixture = try await start(in: directory, ports: try await TestPorts.allocate(), credentials: nil)
        do {
            let value = try await body(fixture)
            await fixture.environment.stop()
            return value
        } catch {
            await fixture.environment.stop()
            throw error
        }
    }

    /// Starts (or restarts) the environment whose data lives in `directory/data`.
    static func start(in directory: TemporaryDirectory, ports: DevPorts?, credentials: DevCredentials?) async throws -> DevFixture {
        let options = DevEnvironmentOptions(
            dataDirectory: DataDirectory(path: directory.url.appendingPathComponent("data").path), ports: ports, passwordCost: 4,
            logger: Logger(label: "zerotouch.e2e", factory: { _ in SwiftLogNoOpLogHandler() }))
        let environment = try await DevEnvironment.start(options)
        guard let credentials = environment.credentials ?? credentials else {
            await environment.stop()
            throw FixtureError("a restarted environment needs the first start's credentials")
        }
        let client = DevClient(
            topology: environment.topology, profile: try DevClientProfile(fileURL: environment.cliProfileURL).read(), clock: environment.clock,
            sessionsDirectory: try directory.subdirectory("sessions"))
        return DevFixture(environment: environment, credentials: credentials, client: client)
    }

    /// Signs a seeded account in through the IdP's sign-in page.
    func signIn(_ username: String) async throws -> DevSession {
        guard let browser = credentials.browser(for: username, clock: clock) else { throw FixtureError("no account \(username)") }
        return try await client.logIn(browser)
    }

    /// The newest audit records matching `query`.
    func audit(_ query: AuditQuery) async throws -> [AuditRecord] { try await auditLog.query(query).records }
}

/// A fixture that could not be set up.
struct FixtureError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
