import Foundation
import Testing
import ZeroTouchAS
import ZeroTouchCore
import ZeroTouchJOSE

/// Each check of `IDJAGRules` against the one valid fixture with one field changed.
@Suite("ID-JAG rules, one field changed per test")
struct IDJAGRulesTests {
    let fixture: ASTestFixture
    init() async throws { fixture = try await ASTestFixture.make() }

    /// Runs every claim check in the verifier's order (steps 8–16) on `claims`.
    func runClaimChecks(_ claims: [String: JSONValue], rules: IDJAGRules? = nil) throws(IDJAGRejection) {
        let rules = rules ?? fixture.rules()
        let trust = fixture.trust
        try rules.checkRequiredClaims(claims)
        try rules.checkAudience(claims)
        try rules.checkClient(claims)
        let resource = try rules.resource(claims, trust: trust)
        try rules.checkTimes(claims)
        try rules.checkLifetime(claims, trust: trust)
        _ = try rules.grantedScope(claims, resource: resource, trust: trust)
        try rules.checkTenant(claims, trust: trust)
        _ = try rules.resolveUser(claims, trust: trust)
    }

    func changed(_ name: String, to value: JSONValue?) -> [String: JSONValue] {
        var claims = fixture.validClaims()
        claims[name] = value
        return claims
    }

    @Test("the valid fixture passes every claim check")
    func validFixturePasses() throws {
        try runClaimChecks(fixture.validClaims())
        let user = try fixture.rules().resolveUser(fixture.validClaims(), trust: fixture.trust)
        #expect(user == .linked(fixture.registry.snapshot.users[ASTestFixture.localUser]!))
    }

    @Test("an assertion over 16 KiB is refused before parsing")
    func oversized() {
        let assertion = String(repeating: "a", count: 16 * 1024 + 1)
        #expect(throws: IDJAGRejection.oversized(bytes: 16 * 1024 + 1, limit: 16 * 1024)) { try fixture.rules().checkSize(assertion) }
    }

    @Test("typ must be oauth-id-jag+jwt", arguments: [nil, "JWT", "at+jwt", "application/jwt"] as [String?])
    func wrongType(_ type: String?) {
        #expect(throws: IDJAGRejection.wrongType(type)) { try fixture.rules().checkType(type) }
    }

    @Test("typ is compared case-insensitively with an optional application/ prefix (decisions X-13)",
          arguments: ["oauth-id-jag+jwt", "OAuth-ID-JAG+JWT", "application/oauth-id-jag+jwt"])
    func typeVariantsAccepted(_ type: String) throws { try fixture.rules().checkType(type) }

    @Test("alg none, HMAC and algorithms off the issuer's list are refused", arguments: ["none", "HS256", "ES384", "RS512"])
    func algorithmNotAllowed(_ alg: String) {
        #expect(throws: IDJAGRejection.algorithmNotAllowed(algorithm: alg, issuer: ASTestFixture.idp.rawValue)) {
            try fixture.rules().checkAlgorithm(alg, claims: fixture.validClaims())
        }
    }

    @Test("alg is judged by the claimed issuer's own allow-list")
    func algorithmPerIssuer() async throws {
        let fixture = try await ASTestFixture.make { $0.allowedAlgorithms = [.edDSA] }
        #expect(throws: IDJAGRejection.algorithmNotAllowed(algorithm: "ES256", issuer: ASTestFixture.idp.rawValue)) {
            try fixture.rules().checkAlgorithm("ES256", claims: fixture.validClaims())
        }
        try fixture.rules().checkAlgorithm("EdDSA", claims: fixture.validClaims())
    }

    @Test("an issuer that is not trusted is refused, compared exactly",
          arguments: ["https://evil.example", "https://idp.example/", "HTTPS://IDP.EXAMPLE"])
    func untrustedIssuer(_ issuer: String) {
        #expect(throws: IDJAGRejection.untrustedIssuer(issuer)) { try fixture.rules().trustedIssuer(changed("iss", to: .string(issuer))) }
    }

    @Test("a missing iss is an untrusted issuer")
    func missingIssuer() {
        #expect(throws: IDJAGRejection.untrustedIssuer(nil)) { try fixture.rules().trustedIssuer(changed("iss", to: nil)) }
    }

    @Test("each required claim must be present", arguments: IDJAGRules.requiredClaims)
    func missingClaim(_ name: String) {
        #expect(throws: IDJAGRejection.missingClaim(name)) { try fixture.rules().checkRequiredClaims(changed(name, to: nil)) }
    }

    @Test("claims must have their JSON type", arguments: [
        ("sub", JSONValue.integer(1)), ("aud", .integer(1)), ("aud", .array([])), ("aud", .array([.integer(1)])),
        ("client_id", .bool(true)), ("jti", .string("")), ("exp", .string("soon")), ("iat", .null), ("nbf", .string("x")),
        ("resource", .array([])), ("scope", .array([.string("a")])), ("tenant", .integer(3)),
        ("sub", .string(String(repeating: "s", count: 256))),
    ])
    func invalidClaim(_ name: String, _ value: JSONValue) {
        #expect(throws: IDJAGRejection.invalidClaim(name)) { try fixture.rules().checkRequiredClaims(changed(name, to: value)) }
    }

    @Test("cnf and authorization_details are refused: ignoring them would widen the grant", arguments: IDJAGRules.unsupportedClaims)
    func unsupportedClaim(_ name: String) {
        #expect(throws: IDJAGRejection.unsupportedClaim(name)) {
            try fixture.rules().checkRequiredClaims(changed(name, to: .object(["jkt": .string("abc")])))
        }
    }

    @Test("aud may be the issuer as a string or a one-element array")
    func audienceForms() throws {
        try fixture.rules().checkAudience(changed("aud", to: .array([.string(ASTestFixture.issuer.rawValue)])))
        try fixture.rules().checkAudience(fixture.validClaims())
    }

    @Test("aud must be exactly this authorization server's issuer", arguments: [
        JSONValue.string("https://as.example/"), .string("https://other-as.example"),
        .array([.string("https://as.example"), .string("https://other-as.example")]),
    ])
    func audienceMismatch(_ audience: JSONValue) {
        #expect(throws: IDJAGRejection.audienceMismatch(expected: ASTestFixture.issuer, actual: audience.stringOrStringArray!)) {
            try fixture.rules().checkAudience(changed("aud", to: audience))
        }
    }

    @Test("client_id must be the authenticated client")
    func clientMismatch() {
        #expect(throws: IDJAGRejection.clientMismatch(expected: ASTestFixture.clientID, actual: "client-2")) {
            try runClaimChecks(changed("client_id", to: .string("client-2")))
        }
    }

    @Test("an unknown resource is refused")
    func unknownResource() {
        #expect(throws: IDJAGRejection.unknownResource("https://evil.example/mcp", strictEMA: false)) {
            try runClaimChecks(changed("resource", to: .string("https://evil.example/mcp")))
        }
    }

    @Test("a resource served here but not allowed for the client is refused")
    func resourceNotAllowed() {
        #expect(throws: IDJAGRejection.resourceNotAllowed(ASTestFixture.otherResource, client: ASTestFixture.clientID, strictEMA: false)) {
            try runClaimChecks(changed("resource", to: .string(ASTestFixture.otherResource.rawValue)))
        }
    }

    @Test("without resource, the ID-JAG binds to the client's only resource (decisions X-3)")
    func resourceDefaultsToOnlyResource() throws {
        let resource = try fixture.rules().resource(changed("resource", to: nil), trust: fixture.trust)
        #expect(resource.identifier == ASTestFixture.resource)
    }

    @Test("without resource, a resource that requires the claim is refused (decisions X-3)")
    func resourceRequired() async throws {
        try await fixture.registry.putResource(
            ProtectedResource(identifier: ASTestFixture.resource, scopes: ["files:read"], requiresResourceClaim: true), actor: "test")
        #expect(throws: IDJAGRejection.resourceRequired(client: ASTestFixture.clientID, strictEMA: false)) {
            try runClaimChecks(changed("resource", to: nil))
        }
    }

    @Test("a resource request parameter must equal the ID-JAG's resource (decisions X-8)")
    func resourceMismatch() {
        let rules = fixture.rules(requestedResource: ASTestFixture.otherResource)
        #expect(throws: IDJAGRejection.resourceMismatch(requested: ASTestFixture.otherResource, asserted: ASTestFixture.resource)) {
            try runClaimChecks(fixture.validClaims(), rules: rules)
        }
    }

    @Test("an expired assertion is refused beyond the 60 s leeway")
    func expired() {
        let now = fixture.clock.now
        let exp = now.addingTimeInterval(-61)
        #expect(throws: IDJAGRejection.expired(exp: Date(timeIntervalSince1970: exp.timeIntervalSince1970.rounded(.down)), now: now)) {
            try fixture.rules().checkTimes(changed("exp", to: .integer(Int64(exp.timeIntervalSince1970))))
        }
    }

    @Test("an assertion expired within the leeway is accepted (RFC 7523 §3 item 4)")
    func expiredWithinLeeway() throws {
        let exp = Int64(fixture.clock.now.timeIntervalSince1970) - 59
        try fixture.rules().checkTimes(changed("exp", to: .integer(exp)))
    }

    @Test("nbf further ahead than the leeway is refused")
    func notYetValid() {
        let now = fixture.clock.now
        let nbf = Int64(now.timeIntervalSince1970) + 61
        #expect(throws: IDJAGRejection.notYetValid(nbf: Date(timeIntervalSince1970: TimeInterval(nbf)), now: now)) {
            try fixture.rules().checkTimes(changed("nbf", to: .integer(nbf)))
        }
    }

    @Test("iat further in the future than the leeway is refused")
    func issuedInFuture() {
        let now = fixture.clock.now
        let iat = Int64(now.timeIntervalSince1970) + 61
        #expect(throws: IDJAGRejection.issuedInFuture(iat: Date(timeIntervalSince1970: TimeInterval(iat)), now: now)) {
            try fixture.rules().checkTimes(changed("iat", to: .integer(iat)))
        }
    }

    @Test("a lifetime beyond the issuer's maximum is refused")
    func lifetimeTooLong() {
        let exp = Int64(fixture.clock.now.timeIntervalSince1970) + 601
        #expect(throws: IDJAGRejection.lifetimeTooLong(lifetime: 601, maximum: 600)) {
            try fixture.rules().checkLifetime(changed("exp", to: .integer(exp)), trust: fixture.trust)
        }
    }

    @Test("a scope claim that is not an RFC 6749 scope is refused")
    func malformedScope() {
        #expect(throws: IDJAGRejection.malformedScope) { try runClaimChecks(changed("scope", to: .string("files:read  files:write"))) }
    }

    @Test("a scope not registered for the resource is refused")
    func unregisteredScope() {
        #expect(throws: IDJAGRejection.unregisteredScope(["admin"], resource: ASTestFixture.resource, strictEMA: false)) {
            try runClaimChecks(changed("scope", to: .string("files:read admin")))
        }
    }

    @Test("the granted scope is the request's scope ∩ the ID-JAG's, or the ID-JAG's (decisions X-5)")
    func grantedScope() throws {
        let claims = changed("scope", to: .string("files:read files:write"))
        let resource = fixture.registry.snapshot.resources[ASTestFixture.resource]!
        #expect(try fixture.rules().grantedScope(claims, resource: resource, trust: fixture.trust) == ["files:read", "files:write"])
        let narrowed = fixture.rules(requestedScope: ["files:write", "other"])
        #expect(try narrowed.grantedScope(claims, resource: resource, trust: fixture.trust) == ["files:write"])
    }

    @Test("a request scope sharing nothing with the ID-JAG's scope is refused")
    func scopeNotGranted() {
        #expect(throws: IDJAGRejection.scopeNotGranted(requested: ["files:write"])) {
            try runClaimChecks(fixture.validClaims(), rules: fixture.rules(requestedScope: ["files:write"]))
        }
    }

    @Test("an issuer trusted for one tenant refuses another tenant")
    func tenantMismatch() async throws {
        let fixture = try await ASTestFixture.make { $0.tenant = "acme" }
        var claims = fixture.validClaims()
        claims["tenant"] = .string("globex")
        #expect(throws: IDJAGRejection.tenantMismatch(expected: "acme", actual: "globex")) {
            try fixture.rules().checkTenant(claims, trust: fixture.trust)
        }
    }

    @Test("a subject not linked is refused when the issuer requires pre-linked users")
    func userNotLinked() {
        let identity = LinkedIdentity(issuer: ASTestFixture.idp, subject: "stranger")
        #expect(throws: IDJAGRejection.userNotLinked(identity)) { try runClaimChecks(changed("sub", to: .string("stranger"))) }
    }

    @Test("a subject not linked is provisioned when the issuer creates users on first use")
    func userProvisioned() async throws {
        let fixture = try await ASTestFixture.make { $0.userMapping = .createOnFirstUse }
        var claims = fixture.validClaims()
        claims["sub"] = .string("stranger")
        let resolution = try fixture.rules().resolveUser(claims, trust: fixture.trust)
        #expect(resolution == .provisionOnFirstUse(LinkedIdentity(issuer: ASTestFixture.idp, subject: "stranger")))
    }

    @Test("a disabled local user is refused")
    func userDisabled() async throws {
        try await fixture.registry.setUserDisabled(ASTestFixture.localUser, true, actor: "test")
        #expect(throws: IDJAGRejection.userDisabled(ASTestFixture.localUser)) { try runClaimChecks(fixture.validClaims()) }
    }

    @Test("strict-EMA answers invalid_grant for an unknown resource and an unregistered scope (decisions X-1)")
    func strictEMA() async throws {
        let fixture = try await ASTestFixture.make { $0.strictEMA = true }
        var claims = fixture.validClaims()
        claims["resource"] = .string("https://evil.example/mcp")
        #expect(throws: IDJAGRejection.unknownResource("https://evil.example/mcp", strictEMA: true)) {
            try fixture.rules().resource(claims, trust: fixture.trust)
        }
        #expect(IDJAGRejection.unknownResource("https://evil.example/mcp", strictEMA: true).errorCode == .invalidGrant)
        #expect(IDJAGRejection.unregisteredScope(["x"], resource: ASTestFixture.resource, strictEMA: true).errorCode == .invalidGrant)
    }
}
