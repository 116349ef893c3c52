import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchTesting
@testable import ZeroTouchIdP

@Suite("TOTP second factor")
struct TOTPTests {
    /// RFC 6238 Appendix B, SHA-1 rows: (time, 8-digit code) for the secret "12345678901234567890".
    static let vectors: [(Int64, Int)] = [
        (59, 94_287_082), (1_111_111_109, 7_081_804), (1_111_111_111, 14_050_471), (1_234_567_890, 89_005_924),
        (2_000_000_000, 69_279_037), (20_000_000_000, 65_353_130),
    ]

    @Test("codes match the RFC 6238 Appendix B test vectors")
    func rfcVectors() {
        let totp = TOTP(rawSecret: Array("12345678901234567890".utf8))
        for (time, expected) in Self.vectors {
            let step = TOTP.step(at: Date(timeIntervalSince1970: TimeInterval(time)))
            #expect(totp.code(atStep: step, digits: 8) == expected, "T = \(time)")
        }
    }

    @Test("base32 secrets round-trip and short or malformed ones are refused")
    func secrets() {
        let secret = TOTP.generateSecret()
        #expect(secret.count == 32)
        #expect(TOTP(base32Secret: secret) != nil)
        #expect(TOTP(base32Secret: secret.lowercased()) != nil)
        #expect(TOTP(base32Secret: "ABCDEFGH") == nil)
        #expect(TOTP(base32Secret: "not base32!") == nil)
        #expect(Base32.encode(Array("foobar".utf8)) == "MZXW6YTBOI")
        #expect(Base32.decode("MZXW6YTBOI") == Array("foobar".utf8))
    }

    @Test("a code is accepted once per step, one step of drift either side, and never replayed")
    func verificationWithFixedClock() async throws {
        let fixture = try await RegistryFixture()
        let alice = try await fixture.createUser("alice")
        let enrollment = try await fixture.registry.enrollSecondFactor(for: alice.id, by: RegistryFixture.admin)
        #expect(enrollment.provisioningURI.hasPrefix("otpauth://totp/"))
        #expect(enrollment.provisioningURI.contains("secret=\(enrollment.secret)"))
        let totp = try #require(TOTP(base32Secret: enrollment.secret))
        func code(_ offset: TimeInterval) -> String {
            String(format: "%06d", totp.code(atStep: TOTP.step(at: fixture.clock.now.addingTimeInterval(offset))))
        }

        let current = code(0)
        try fixture.registry.verifySecondFactor(current, for: alice.id)
        let step = TOTP.step(at: fixture.clock.now)
        #expect(throws: TOTPRejection.replayed(alice.id, step: step)) { try fixture.registry.verifySecondFactor(current, for: alice.id) }

        // The next step's code (a phone clock slightly ahead) is accepted, and then the current one is a replay.
        try fixture.registry.verifySecondFactor(code(30), for: alice.id)
        #expect(throws: TOTPRejection.self) { try fixture.registry.verifySecondFactor(current, for: alice.id) }

        fixture.clock.advance(by: 90)
        #expect(throws: TOTPRejection.invalidCode(alice.id)) { try fixture.registry.verifySecondFactor(code(-90), for: alice.id) }
        try fixture.registry.verifySecondFactor(code(0), for: alice.id)
        #expect(throws: TOTPRejection.malformedCode(alice.id)) { try fixture.registry.verifySecondFactor("12345", for: alice.id) }
        #expect(throws: TOTPRejection.malformedCode(alice.id)) { try fixture.registry.verifySecondFactor("12345a", for: alice.id) }
    }

    @Test("a user without a second factor, or suspended, can't pass one")
    func notEnrolled() async throws {
        let fixture = try await RegistryFixture()
        let alice = try await fixture.createUser("alice")
        #expect(throws: TOTPRejection.notEnrolled(alice.id)) { try fixture.registry.verifySecondFactor("123456", for: alice.id) }
        _ = try await fixture.registry.enrollSecondFactor(for: alice.id, by: RegistryFixture.admin)
        try await fixture.registry.suspendUser(alice.id, by: RegistryFixture.admin)
        #expect(throws: TOTPRejection.inactiveUser(alice.id)) { try fixture.registry.verifySecondFactor("123456", for: alice.id) }
        try await fixture.registry.reactivateUser(alice.id, by: RegistryFixture.admin)
        try await fixture.registry.removeSecondFactor(for: alice.id, by: RegistryFixture.admin)
        #expect(fixture.registry.snapshot.user(alice.id)?.hasSecondFactor == false)
    }
}
