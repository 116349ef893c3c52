import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchTesting
@testable import ZeroTouchIdP

/// RFC 6238 §5.2 across replicas (issue 8): a TOTP code accepted by one IdP replica is refused by
/// another, because both record accepted steps in the replay ledger they share.
@Suite("TOTP codes are single use across replicas")
struct SharedTOTPLedgerTests {
    @Test("a code accepted by replica A is refused by replica B, which has its own in-memory step ledger")
    func codeAcceptedOnAIsRefusedOnB() async throws {
        let fixture = try await IdPFixture.make()
        let signInA = fixture.provider.signIn
        // Replica B: its own registry (and so its own per-process step ledger) over the same stores.
        let registryB = try await IdPRegistry(
            store: fixture.store, clock: fixture.clock, passwordHasher: RegistryFixture.hasher, endpointPolicy: .standard)
        let signInB = SignInFlow(
            registry: registryB, sessions: signInA.sessions, grants: signInA.grants,
            throttle: LoginThrottle(clock: fixture.clock, userRule: .perUser, addressRule: .perAddress), auditLog: fixture.auditLog,
            clock: fixture.clock, lifetimes: .standard, issuer: fixture.provider.issuer, totpLedger: fixture.provider.replayLedger)

        func waitingForCode() async throws -> (PendingSignIn, String) {
            let (pending, secret) = try await fixture.beginSignIn()
            let step = try await signInA.submitPassword(fixture.submission(pending, secret: secret), username: "bob", password: IdPFixture.password)
            guard case .secondFactorRequired(let waiting) = step else { throw IdPFixture.FixtureError.unexpected("\(step)") }
            return (waiting, secret)
        }
        let (first, firstSecret) = try await waitingForCode()
        let (second, secondSecret) = try await waitingForCode()
        let code = fixture.bobCode()
        let accepted = try await signInA.submitSecondFactor(fixture.submission(first, secret: firstSecret), code: code)
        guard case .completed = accepted else { Issue.record("replica A refused a fresh code: \(accepted)"); return }
        let step = TOTP.step(at: fixture.clock.now)
        await #expect(throws: SignInRejection.invalidSecondFactor(second, .replayed(fixture.bob.id, step: step))) {
            _ = try await signInB.submitSecondFactor(fixture.submission(second, secret: secondSecret), code: code)
        }
    }
}
