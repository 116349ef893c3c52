import Testing
import ZeroTouchOAuth

@Suite("Admin token credentials")
struct AdminTokenCredentialTests {
    @Test("an issued value matches its stored hash and nothing else")
    func issuedValueMatches() throws {
        let issued = AdminTokenCredential.issue(id: "adm-1")
        let credential = try #require(AdminTokenCredential(presented: issued.value, maximumLength: 200))
        #expect(credential.id == "adm-1")
        #expect(credential.matches(storedHash: issued.secretHash))
        #expect(!credential.matches(storedHash: AdminTokenCredential.issue(id: "adm-1").secretHash))
        #expect(!credential.matches(storedHash: nil), "an unknown id never matches")
    }

    @Test("values without a dot or over the length cap are refused before any lookup")
    func malformed() {
        #expect(AdminTokenCredential(presented: "no-dot", maximumLength: 200) == nil)
        #expect(AdminTokenCredential(presented: "adm-1." + String(repeating: "a", count: 200), maximumLength: 200) == nil)
    }

    @Test("a wrong secret for a known id does not match, and the description never holds the secret")
    func wrongSecret() throws {
        let issued = AdminTokenCredential.issue(id: "adm-2")
        let credential = try #require(AdminTokenCredential(presented: "adm-2.wrong-secret", maximumLength: 200))
        #expect(!credential.matches(storedHash: issued.secretHash))
        #expect(!credential.description.contains("wrong-secret"))
    }
}
