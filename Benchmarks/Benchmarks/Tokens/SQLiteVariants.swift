import Benchmark
import Foundation
import ZeroTouchAS
import ZeroTouchCore
import ZeroTouchIdP
import ZeroTouchJOSE
import ZeroTouchStorage

/// The same hot paths over the embedded SQLite stores a default deployment uses (`ZeroTouchStorage`),
/// in a temporary directory: the key ring reads its keys on every signature, and the replay ledger
/// writes (WAL, `synchronous = FULL`) on every redemption.
func sqliteVariantBenchmarks() {
    let issuing = SetupBox<(issuer: IDJAGIssuer, user: User, server: MCPServer, now: Date, directory: URL)>()
    Benchmark("ID-JAG issue: IDJAGIssuer.issue (KeyRing over SQLiteSigningKeyStore)") { benchmark in
        let (issuer, user, server, now, _) = issuing.value
        let authentication = AuthenticationContext(methods: ["otp", "pwd"], authenticatedAt: now.addingTimeInterval(-60))
        for _ in benchmark.scaledIterations {
            blackHole(
                try await issuer.issue(
                    for: user, toward: server, clientIDAtServer: TokenWorld.clientID, scope: ["read"],
                    authentication: authentication, now: now))
        }
    } setup: {
        let directory = try SQLiteScratch.make()
        let database = try SQLiteDatabase(path: directory.appendingPathComponent("zerotouch.sqlite").path)
        let now = Date(timeIntervalSince1970: 1_900_000_000)
        let keyRing = KeyRing(owner: "idp", store: SQLiteSigningKeyStore(database: database))
        _ = try await keyRing.activeKey(now: now)
        let user = User(
            id: UserID(TokenWorld.idpSubject.rawValue), username: "alice", email: "alice@example.com", displayName: "Alice",
            passwordHash: "$2b$12$notarealhash", createdAt: now)
        let server = MCPServer(
            id: "s-bench", name: "bench", resource: TokenWorld.resource, authorizationServer: TokenWorld.authorizationServer,
            scopes: [ScopeDefinition("read"), ScopeDefinition("write")], createdAt: now)
        issuing.value = (IDJAGIssuer(keyRing: keyRing, issuer: IssuerBinding(TokenWorld.idp)), user, server, now, directory)
    } teardown: {
        try? FileManager.default.removeItem(at: issuing.value.directory)
    }

    let verifying = SetupBox<(world: TokenWorld, verifier: IDJAGVerifier, directory: URL)>()
    let tokens = TokenQueue()
    Benchmark("ID-JAG verify: IDJAGVerifier.verify with SQLiteReplayLedger (new jti each)") { benchmark in
        let (world, verifier, _) = verifying.value
        for _ in benchmark.scaledIterations {
            let assertion = tokens.take()
            blackHole(try await verifier.verify(assertion, for: world.client))
        }
    } setup: {
        let directory = try SQLiteScratch.make()
        let database = try SQLiteDatabase(path: directory.appendingPathComponent("zerotouch.sqlite").path)
        let world = try await TokenWorld.make()
        let verifier = IDJAGVerifier(
            issuer: TokenWorld.authorizationServer, registry: world.verifier.registry, keys: world.verifier.keys,
            replayLedger: SQLiteReplayLedger(database: database), clock: world.clock)
        verifying.value = (world, verifier, directory)
        tokens.fill(try world.presignedIDJAGs())
    } teardown: {
        try? FileManager.default.removeItem(at: verifying.value.directory)
    }
}

/// A private temporary directory for one benchmark's database.
enum SQLiteScratch {
    static func make() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zerotouch-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return directory
    }
}
