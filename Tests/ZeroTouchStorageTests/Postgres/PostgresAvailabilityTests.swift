import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchStorage

/// Failing closed when PostgreSQL is unavailable: a typed error, quickly, so the HTTP layer can
/// answer 503. These need no server.
@Suite("PostgreSQL availability")
struct PostgresAvailabilityTests {
    /// Nothing listens on port 1 of the loopback interface.
    private func unreachable() -> PostgresConfiguration {
        var configuration = PostgresConfiguration(
            host: "127.0.0.1", port: 1, username: "zerotouch", password: "not-used", database: "zerotouch")
        configuration.connectTimeout = .milliseconds(500)
        configuration.acquireTimeout = .milliseconds(500)
        return configuration
    }

    @Test("starting against a closed port fails within the acquire timeout with unavailable")
    func unreachableServerFailsFast() async throws {
        let database = PostgresDatabase(configuration: unreachable())
        let clock = ContinuousClock()
        let started = clock.now
        await #expect(throws: StorageError.unavailable(.connectionTimedOut)) { try await database.start() }
        let ledger = PostgresReplayLedger(database: database)
        await #expect(throws: StorageError.unavailable(.connectionTimedOut)) {
            try await ledger.recordOnce("jti", namespace: "ns", expiresAt: testEpoch + 60, now: testEpoch)
        }
        #expect(clock.now - started < .seconds(5))
        await database.close()
    }

    @Test("connect(url:) to a closed port throws unavailable and leaves nothing running")
    func connectFailsFast() async throws {
        let clock = ContinuousClock()
        let started = clock.now
        await #expect(throws: StorageError.unavailable(.connectionTimedOut)) {
            _ = try await PostgresDatabase.connect(url: "postgres://zerotouch:secret@127.0.0.1:1/db?acquire_timeout=0.5")
        }
        #expect(clock.now - started < .seconds(5))
    }

    @Test("a database used before start() or after close() fails with unavailable(.closed)")
    func notStartedOrClosed() async throws {
        let database = PostgresDatabase(configuration: unreachable())
        let log = PostgresAuditLog(database: database)
        await #expect(throws: StorageError.unavailable(.closed)) { try await log.query(AuditQuery()) }
        await database.close()
        await #expect(throws: StorageError.unavailable(.closed)) { try await database.start() }
        await #expect(throws: StorageError.unavailable(.closed)) { try await log.append(auditRecord("r1")) }
    }

    @Test("every unavailability has a log-safe description", arguments: StorageUnavailability.allCases)
    func descriptions(reason: StorageUnavailability) {
        #expect(StorageError.unavailable(reason).description.hasPrefix("storage unavailable: "))
    }
}
