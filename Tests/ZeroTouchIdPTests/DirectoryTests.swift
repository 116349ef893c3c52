import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchTesting
@testable import ZeroTouchIdP

@Suite("Directory")
struct DirectoryTests {
    @Test("usernames are unique without regard to case")
    func uniqueUsernames() async throws {
        let fixture = try await RegistryFixture()
        try await fixture.createUser("Alice")
        await #expect(throws: IdPAdminError.conflict(.user, message: "the username is already taken")) {
            try await fixture.createUser("aLICE")
        }
        #expect(fixture.registry.snapshot.users.count == 1)
        #expect(fixture.registry.snapshot.user(username: "ALICE")?.username == "Alice")
    }

    @Test("a user's id is random and opaque, never the username")
    func opaqueIDs() async throws {
        let fixture = try await RegistryFixture()
        let alice = try await fixture.createUser("alice")
        #expect(!alice.id.rawValue.contains("alice"))
        #expect(alice.id.rawValue.count >= 32)
    }

    @Test("renaming frees the old username and takes the new one")
    func rename() async throws {
        let fixture = try await RegistryFixture()
        let alice = try await fixture.createUser("alice")
        try await fixture.createUser("bob")
        await #expect(throws: IdPAdminError.self) {
            try await fixture.registry.updateUser(alice.id, to: UserDetails(username: "BOB", displayName: "A"), by: RegistryFixture.admin)
        }
        try await fixture.registry.updateUser(alice.id, to: UserDetails(username: "alicia", displayName: "Alicia"), by: RegistryFixture.admin)
        try await fixture.createUser("alice")
        #expect(fixture.registry.snapshot.user(username: "alicia")?.id == alice.id)
    }

    @Test("the right password signs in; a wrong one and an unknown user get the same message")
    func passwordCheck() async throws {
        let fixture = try await RegistryFixture()
        let alice = try await fixture.createUser("alice", password: "correct horse battery")
        #expect(try fixture.registry.authenticate(username: "ALICE", password: "correct horse battery").id == alice.id)
        #expect(throws: LoginRejection.wrongPassword(alice.id)) { try fixture.registry.authenticate(username: "alice", password: "wrong password!") }
        #expect(throws: LoginRejection.unknownUser) { try fixture.registry.authenticate(username: "mallory", password: "correct horse battery") }
        #expect(LoginRejection.unknownUser.errorDescription == LoginRejection.wrongPassword(alice.id).errorDescription)
        #expect(throws: LoginRejection.unknownUser) { try fixture.registry.authenticate(username: String(repeating: "a", count: 500), password: "x") }
    }

    @Test("the stored password is a bcrypt hash with the configured cost")
    func passwordHash() async throws {
        let fixture = try await RegistryFixture()
        let alice = try await fixture.createUser("alice", password: "correct horse battery")
        #expect(alice.passwordHash.hasPrefix("$2b$04$"))
        #expect(!alice.passwordHash.contains("correct horse battery"))
        #expect(RegistryFixture.hasher.verify("correct horse battery", against: alice.passwordHash))
        #expect(!RegistryFixture.hasher.verify("correct horse battery", against: nil))
    }

    @Test("passwords bcrypt would truncate or cut at NUL are refused")
    func passwordLimits() async throws {
        let fixture = try await RegistryFixture()
        for password in ["short", String(repeating: "x", count: 73), "has\u{0}nul-inside"] {
            await #expect(throws: IdPAdminError.self) { try await fixture.createUser("u\(password.count)", password: password) }
        }
        #expect(throws: PasswordHasher.Weakness.tooLong(maximum: 72)) { try PasswordHasher.check(String(repeating: "x", count: 73)) }
    }

    @Test("a suspended user can't sign in, even with the right password, and can be reactivated")
    func suspended() async throws {
        let fixture = try await RegistryFixture()
        let alice = try await fixture.createUser("alice", password: "correct horse battery")
        try await fixture.registry.suspendUser(alice.id, by: RegistryFixture.admin)
        #expect(throws: LoginRejection.suspended(alice.id)) {
            try fixture.registry.authenticate(username: "alice", password: "correct horse battery")
        }
        #expect(throws: LoginRejection.wrongPassword(alice.id)) { try fixture.registry.authenticate(username: "alice", password: "not the password") }
        try await fixture.registry.reactivateUser(alice.id, by: RegistryFixture.admin)
        #expect(try fixture.registry.authenticate(username: "alice", password: "correct horse battery").id == alice.id)
    }

    @Test("a reset password replaces the old one")
    func resetPassword() async throws {
        let fixture = try await RegistryFixture()
        let alice = try await fixture.createUser("alice", password: "correct horse battery")
        try await fixture.registry.resetPassword(of: alice.id, to: "new password please", by: RegistryFixture.admin)
        #expect(throws: LoginRejection.self) { try fixture.registry.authenticate(username: "alice", password: "correct horse battery") }
        #expect(try fixture.registry.authenticate(username: "alice", password: "new password please").id == alice.id)
    }

    @Test("user input is validated: username characters, e-mail, display name")
    func userValidation() async throws {
        let fixture = try await RegistryFixture()
        let bad = [
            UserDetails(username: "", displayName: "x"), UserDetails(username: "has space", displayName: "x"),
            UserDetails(username: "ålice", displayName: "x"), UserDetails(username: String(repeating: "a", count: 201), displayName: "x"),
            UserDetails(username: "ok", email: "not-an-email", displayName: "x"), UserDetails(username: "ok", displayName: ""),
            UserDetails(username: "ok", displayName: "bad\u{7}bell"),
        ]
        for details in bad {
            await #expect(throws: IdPAdminError.self) {
                try await fixture.registry.createUser(details, password: "correct horse battery", by: "admin")
            }
        }
        #expect(fixture.store.auditRecords.isEmpty)
    }

    @Test("groups: unique names, members, and deletion removes memberships")
    func groups() async throws {
        let fixture = try await RegistryFixture()
        let alice = try await fixture.createUser("alice")
        let eng = try await fixture.registry.createGroup(name: "Engineering", by: RegistryFixture.admin)
        await #expect(throws: IdPAdminError.self) { try await fixture.registry.createGroup(name: "engineering", by: RegistryFixture.admin) }
        try await fixture.registry.addMember(alice.id, to: eng.id, by: RegistryFixture.admin)
        await #expect(throws: IdPAdminError.conflict(.membership, message: "the user is already a member of the group")) {
            try await fixture.registry.addMember(alice.id, to: eng.id, by: RegistryFixture.admin)
        }
        #expect(fixture.registry.snapshot.groupIDs(of: alice.id) == [eng.id])
        try await fixture.registry.deleteGroup(eng.id, by: RegistryFixture.admin)
        #expect(fixture.registry.snapshot.groupIDs(of: alice.id).isEmpty)
        #expect(try await fixture.store.documents(IdPCollection.memberships).isEmpty)
        try await fixture.registry.createGroup(name: "ENGINEERING", by: RegistryFixture.admin)
    }
}
