import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchJOSE
import ZeroTouchTesting

@Suite("Key ring: first use, signing, rotation, JWKS")
struct KeyRingTests {
    let now = Fixture.now

    @Test("creates and stores the active key on first use, then reuses it")
    func createsActiveKeyOnce() async throws {
        let store = InMemorySigningKeyStore()
        let ring = KeyRing(owner: "idp", store: store)
        let first = try await ring.activeKey(now: now)
        let second = try await ring.activeKey(now: now.addingTimeInterval(10))
        #expect(first.keyID == second.keyID)
        #expect(first.algorithm == .es256)
        let stored = try await store.keys(owner: "idp")
        #expect(stored.map(\.keyID) == [first.keyID])
        #expect(stored.first?.createdAt == now)
        #expect(try await store.keys(owner: "as").isEmpty)
        #expect(store.replaceAllCount == 1)
    }

    @Test("concurrent first uses create a single key")
    func concurrentFirstUse() async throws {
        let store = InMemorySigningKeyStore()
        let ring = KeyRing(owner: "idp", store: store, algorithm: .edDSA)
        let keyIDs = try await withThrowingTaskGroup(of: KeyID.self) { group in
            for _ in 0..<8 { group.addTask { try await ring.activeKey(now: now).keyID } }
            return try await group.reduce(into: Set<KeyID>()) { $0.insert($1) }
        }
        #expect(keyIDs.count == 1)
        #expect(try await store.keys(owner: "idp").count == 1)
    }

    @Test("a second ring over the same store loads the stored key")
    func loadsStoredKey() async throws {
        let store = InMemorySigningKeyStore()
        let key = try await KeyRing(owner: "as", store: store, algorithm: .rs256).activeKey(now: now)
        let reloaded = try await KeyRing(owner: "as", store: store).activeKey(now: now)
        #expect(reloaded.keyID == key.keyID)
        #expect(reloaded.algorithm == .rs256)
    }

    @Test("signs with the active key and publishes it")
    func signsAndPublishes() async throws {
        let ring = KeyRing(owner: "idp", store: InMemorySigningKeyStore())
        let token = try await ring.sign(Fixture.claims(), type: EnterpriseManagedAuthorization.idJAGType, now: now)
        let jwks = try await ring.jwks(now: now)
        #expect(jwks.keys.count == 1)
        let keys = try #require(ParsedJWKS(json: JSONEncoder().encode(jwks)))
        let verified = try await Fixture.verifier(VerificationKeySet(keys.keys)).verify(token)
        #expect(verified.keyID == jwks.keys.first?.keyID)
    }

    @Test("rotation keeps the old key published until publishUntil, then drops it")
    func rotation() async throws {
        let store = InMemorySigningKeyStore()
        let ring = KeyRing(owner: "idp", store: store)
        let old = try await ring.activeKey(now: now)
        let oldToken = try Fixture.idJAG(old)
        let writesBefore = store.replaceAllCount

        let new = try await ring.rotate(now: now.addingTimeInterval(100), retiringFor: 600)
        #expect(store.replaceAllCount == writesBefore + 1)
        #expect(new.keyID != old.keyID)
        #expect(try await ring.activeKey(now: now.addingTimeInterval(101)).keyID == new.keyID)
        let newToken = try await ring.sign(Fixture.claims(), type: EnterpriseManagedAuthorization.idJAGType, now: now.addingTimeInterval(101))
        #expect(try UnverifiedJWT(compact: newToken).header.keyID == new.keyID)

        let stored = try await store.keys(owner: "idp")
        let retired = try #require(stored.first { $0.keyID == old.keyID })
        #expect(retired.retiredAt == now.addingTimeInterval(100))
        #expect(retired.publishUntil == now.addingTimeInterval(700))

        let during = try await ring.jwks(now: now.addingTimeInterval(699))
        #expect(during.keys.compactMap(\.keyID) == [new.keyID, old.keyID])
        _ = try await Fixture.verifier(try await ring.verificationKeys(now: now.addingTimeInterval(699))).verify(oldToken)

        let after = try await ring.jwks(now: now.addingTimeInterval(700))
        #expect(after.keys.compactMap(\.keyID) == [new.keyID])
        #expect(try await store.keys(owner: "idp").map(\.keyID) == [new.keyID])
        await #expect(throws: JOSERejection.unknownKeyID(old.keyID)) {
            try await Fixture.verifier(try await ring.verificationKeys(now: now.addingTimeInterval(700))).verify(oldToken)
        }
        _ = try await Fixture.verifier(try await ring.verificationKeys(now: now.addingTimeInterval(700))).verify(newToken)
    }

    @Test("a second rotation keeps both retiring keys inside their windows")
    func twoRotations() async throws {
        let ring = KeyRing(owner: "idp", store: InMemorySigningKeyStore())
        let first = try await ring.activeKey(now: now)
        let second = try await ring.rotate(now: now.addingTimeInterval(10), retiringFor: 600)
        let third = try await ring.rotate(now: now.addingTimeInterval(20), retiringFor: 600)
        #expect(try await ring.jwks(now: now.addingTimeInterval(30)).keys.compactMap(\.keyID) == [third.keyID, second.keyID, first.keyID])
        #expect(try await ring.jwks(now: now.addingTimeInterval(615)).keys.compactMap(\.keyID) == [third.keyID, second.keyID])
    }

    @Test("with an activation delay the new key is published at once but signs only after the delay")
    func activationDelay() async throws {
        let ring = KeyRing(owner: "idp", store: InMemorySigningKeyStore())
        let old = try await ring.activeKey(now: now)
        let new = try await ring.rotate(now: now, retiringFor: 600, activationDelay: 60)
        #expect(try await ring.jwks(now: now).keys.compactMap(\.keyID) == [new.keyID, old.keyID])
        #expect(try await ring.activeKey(now: now.addingTimeInterval(59)).keyID == old.keyID)
        #expect(try await ring.activeKey(now: now.addingTimeInterval(60)).keyID == new.keyID)
        #expect(try await ring.jwks(now: now.addingTimeInterval(659)).keys.compactMap(\.keyID) == [new.keyID, old.keyID])
        #expect(try await ring.jwks(now: now.addingTimeInterval(660)).keys.compactMap(\.keyID) == [new.keyID])
    }

    @Test("the stored keys are read once per refresh interval, and another ring's rotation is seen after it")
    func storeReadsAreCached() async throws {
        let store = InMemorySigningKeyStore()
        let ring = KeyRing(owner: "idp", store: store, storeRefreshInterval: 5)
        let old = try await ring.activeKey(now: now)
        let other = KeyRing(owner: "idp", store: store)
        let new = try await other.rotate(now: now, retiringFor: 600, activationDelay: 0)
        #expect(try await ring.activeKey(now: now.addingTimeInterval(4)).keyID == old.keyID, "cached for the interval")
        #expect(try await ring.activeKey(now: now.addingTimeInterval(5)).keyID == new.keyID, "re-read after it")
    }
}
