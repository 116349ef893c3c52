import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchJOSE

@Suite("Time rules: exp, nbf, iat, lifetime")
struct JWTTimeRulesTests {
    let now = Fixture.now

    func claims(_ members: [String: Double?]) -> JWTClaims {
        var claims = Fixture.claims()
        for (name, offset) in members {
            claims[name] = offset.map { .integer(Int64(now.timeIntervalSince1970 + $0)) }
        }
        return JWTClaims(claims)
    }

    func date(_ offset: TimeInterval) -> Date { now.addingTimeInterval(offset) }

    @Test("accepts a fresh token")
    func acceptsFreshToken() throws {
        try JWTTimeRules(now: now).check(claims(["iat": 0, "nbf": 0, "exp": 300]))
    }

    @Test("refuses an expired token once the leeway has passed")
    func expired() throws {
        try JWTTimeRules(now: now).check(claims(["iat": -400, "exp": -30]))
        #expect(throws: JOSERejection.expired(exp: date(-60), now: now)) { try JWTTimeRules(now: now).check(claims(["iat": -400, "exp": -60])) }
        #expect(throws: JOSERejection.expired(exp: date(-30), now: now)) {
            try JWTTimeRules(now: now, leeway: 0).check(claims(["iat": -400, "exp": -30]))
        }
        #expect(throws: JOSERejection.expired(exp: now, now: now)) { try JWTTimeRules(now: now, leeway: 0).check(claims(["iat": -400, "exp": 0])) }
    }

    @Test("refuses a token not yet valid beyond the leeway")
    func notYetValid() throws {
        try JWTTimeRules(now: now).check(claims(["nbf": 60]))
        #expect(throws: JOSERejection.notYetValid(nbf: date(61), now: now)) { try JWTTimeRules(now: now).check(claims(["nbf": 61])) }
        #expect(throws: JOSERejection.notYetValid(nbf: date(1), now: now)) { try JWTTimeRules(now: now, leeway: 0).check(claims(["nbf": 1])) }
    }

    @Test("refuses a token issued in the future beyond the leeway")
    func issuedInFuture() throws {
        try JWTTimeRules(now: now).check(claims(["iat": 60, "exp": 300]))
        #expect(throws: JOSERejection.issuedInFuture(iat: date(61), now: now)) { try JWTTimeRules(now: now).check(claims(["iat": 61, "exp": 300])) }
        #expect(throws: JOSERejection.issuedInFuture(iat: date(5), now: now)) {
            try JWTTimeRules(now: now, leeway: 0).check(claims(["iat": 5, "exp": 300]))
        }
    }

    @Test("requires exp unless told otherwise")
    func requiresExpiration() throws {
        #expect(throws: JOSERejection.missingClaim(name: "exp")) { try JWTTimeRules(now: now).check(claims(["exp": nil])) }
        try JWTTimeRules(now: now, requiresExpiration: false).check(claims(["exp": nil]))
    }

    @Test("refuses a lifetime above the maximum, from iat or else from now")
    func maximumLifetime() throws {
        let rules = JWTTimeRules(now: now, maximumLifetime: 600)
        try rules.check(claims(["iat": 0, "exp": 600]))
        #expect(throws: JOSERejection.lifetimeTooLong(lifetime: 601, maximum: 600)) { try rules.check(claims(["iat": 0, "exp": 601])) }
        #expect(throws: JOSERejection.lifetimeTooLong(lifetime: 700, maximum: 600)) { try rules.check(claims(["iat": nil, "exp": 700])) }
        try JWTTimeRules(now: now).check(claims(["iat": 0, "exp": 86_400]))
    }

    @Test("refuses time claims of the wrong type")
    func refusesWrongTypes() throws {
        var members = Fixture.claims()
        members["exp"] = .string("tomorrow")
        #expect(throws: JOSERejection.invalidClaim(name: "exp")) { try JWTTimeRules(now: now).check(JWTClaims(members)) }
        members = Fixture.claims()
        members["iat"] = .bool(true)
        #expect(throws: JOSERejection.invalidClaim(name: "iat")) { try JWTTimeRules(now: now).check(JWTClaims(members)) }
    }

    @Test("accepts fractional NumericDates")
    func fractionalDates() throws {
        var members = Fixture.claims()
        members["exp"] = .number(now.timeIntervalSince1970 - 59.5)
        try JWTTimeRules(now: now).check(JWTClaims(members))
    }
}
