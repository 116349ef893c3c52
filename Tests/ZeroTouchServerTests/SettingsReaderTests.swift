import Foundation
import Testing
import ZeroTouchCore
import ZeroTouchServer

private enum Mode: String, CaseIterable {
    case strict, relaxed
}

@Suite("SettingsReader: typed keys for roles, secrets, URLs under decisions X-11")
struct SettingsReaderTests {
    @Test("integers are checked against their range and required without a default")
    func integers() {
        let (value, report) = ConfigurationFixture.read(["a.count": "7", "a.big": "11"]) { reader in
            (reader.int("a.count", in: 1...10), reader.int("a.big", in: 1...10), reader.int("a.missing", in: 1...10))
        }
        #expect(value == nil)
        #expect(
            report.problems.map(\.description) == [
                "a.big: must be 1…10 (env ZEROTOUCH_A_BIG)",
                "a.missing: is required (env ZEROTOUCH_A_MISSING)",
            ]
        )
        let (valid, _) = ConfigurationFixture.read(["a.count": " 7 "]) { $0.int("a.count", in: 1...10, default: 3) }
        #expect(valid == 7)
    }

    @Test(
        "durations take ms, s, m, h or bare seconds",
        arguments: [("250ms", Duration.milliseconds(250)), ("30s", .seconds(30)), ("5m", .seconds(300)), ("2h", .seconds(7200)), ("45", .seconds(45))]
    )
    func durations(_ text: String, _ expected: Duration) {
        let (value, _) = ConfigurationFixture.read(["ttl": text]) { $0.duration("ttl", in: .zero ... .seconds(86_400)) }
        #expect(value == expected)
    }

    @Test("a duration out of range or malformed is a problem; the default is shown in the report")
    func durationProblems() {
        let (_, report) = ConfigurationFixture.read(["a": "11m", "b": "soon"]) { reader in
            (
                reader.duration("a", in: .seconds(1) ... .seconds(600)), reader.duration("b", in: .seconds(1) ... .seconds(600)),
                reader.duration("c", in: .seconds(1) ... .seconds(600), default: .seconds(300))
            )
        }
        #expect(
            report.problems.map(\.message) == ["must be within 1s…10m", "must be a duration such as 30s or 5m, within 1s…10m"]
        )
        #expect(report.entries.first { $0.key == "c" }?.displayValue == "5m")
    }

    @Test("choices accept any case and list the allowed values")
    func choices() {
        let (value, _) = ConfigurationFixture.read(["mode": "RELAXED"]) { $0.choice("mode", default: Mode.strict) }
        #expect(value == .relaxed)
        let (_, report) = ConfigurationFixture.read(["mode": "lax"]) { $0.choice("mode", default: Mode.strict) }
        #expect(report.problems.map(\.message) == ["must be one of: strict, relaxed"])
    }

    @Test(
        "URLs must be https except on loopback hosts",
        arguments: [
            ("https://idp.example.com", true), ("http://127.0.0.1:8080/token", true), ("http://localhost:9000", true),
            ("http://[::1]:8080", true), ("http://idp.example.com", false), ("ftp://idp.example.com", false), ("idp.example.com", false),
        ]
    )
    func urlPolicy(_ url: String, _ accepted: Bool) {
        let (value, report) = ConfigurationFixture.read(["idp.issuer": url]) { $0.url("idp.issuer", policy: .standard) }
        #expect((value != nil) == accepted)
        #expect(report.problems.isEmpty == accepted)
    }

    @Test("the insecure flag admits plain http for other hosts")
    func insecureFlag() {
        let policy = CommonSettings(allowInsecureHTTP: true).endpointPolicy
        let (value, _) = ConfigurationFixture.read(["idp.issuer": "http://idp.internal"]) { $0.url("idp.issuer", policy: policy) }
        #expect(value?.absoluteString == "http://idp.internal")
        let (_, report) = ConfigurationFixture.read(["idp.issuer": "http://idp.internal"]) { $0.url("idp.issuer", policy: .standard) }
        #expect(report.problems.first?.message.hasPrefix("must use https") == true)
    }

    @Test("a URL with credentials is refused and never shown")
    func urlCredentials() {
        let (_, report) = ConfigurationFixture.read(["db.url": "https://admin:hunter2@db.example.com"]) { reader in
            reader.optionalURL("db.url", policy: .standard)
        }
        #expect(report.problems.map(\.message) == ["must not contain user credentials"])
        #expect(!report.redactedText.contains("hunter2"))
        #expect(!report.redactedJSON.contains("hunter2"))
    }

    @Test("secrets are read, shown as [secret] in text and JSON, and required when asked")
    func secrets() {
        let (value, report) = ConfigurationFixture.read(["idp.client_secret": "s3cr3t-value"]) { reader in
            (reader.requiredSecret("idp.client_secret"), reader.secret("idp.other"))
        }
        #expect(value?.0.unredactedValue == "s3cr3t-value")
        #expect(value?.1 == nil)
        #expect("\(value!.0)" == "[secret]")
        #expect(String(reflecting: value!.0) == "[secret]")
        #expect(report.redactedText.contains("idp.client_secret = [secret] (file)"))
        #expect(report.redactedJSON.contains("[secret]"))
        #expect(!report.redactedText.contains("s3cr3t-value"))
        #expect(!report.redactedJSON.contains("s3cr3t-value"))

        let (_, missing) = ConfigurationFixture.read([:]) { $0.requiredSecret("idp.client_secret") }
        #expect(missing.problems.map(\.description) == ["idp.client_secret: is required (env ZEROTOUCH_IDP_CLIENT_SECRET)"])
    }

    @Test("a secret that fails validation is never echoed")
    func invalidSecretNotEchoed() async throws {
        let fixture = try ConfigurationFixture()
        defer { fixture.remove() }
        let source = try await fixture.source(yaml: "api:\n  key: [abc-secret, def-secret]\n")
        do {
            _ = try SettingsReader.load(from: source) { $0.secret("api.key") }
            Issue.record("a list is not a secret string")
        } catch {
            #expect(error.report.problems.map(\.key) == ["api.key"])
            #expect(!error.report.redactedText.contains("abc-secret"))
            #expect(!error.report.redactedJSON.contains("abc-secret"))
        }
    }

    @Test("cross-key rules and warnings join the report")
    func crossKeyRules() {
        let (_, report) = ConfigurationFixture.read(["a": "1"]) { reader in
            reader.warn("careful")
            reader.report("a", "conflicts with b")
        }
        #expect(report.problems.map(\.description) == ["a: conflicts with b (env ZEROTOUCH_A)"])
        #expect(report.warnings == ["careful"])
    }

    @Test("the JSON report lists values, origins, env names and problems")
    func jsonReport() throws {
        let (_, report) = ConfigurationFixture.read(["server.port": "99999"]) { CommonSettings(reading: &$0) }
        let object = try #require(JSONSerialization.jsonObject(with: Data(report.redactedJSON.utf8)) as? [String: Any])
        #expect(object["valid"] as? Bool == false)
        let configuration = try #require(object["configuration"] as? [String: [String: Any]])
        #expect(configuration["server.port"]?["value"] as? String == "99999")
        #expect(configuration["server.port"]?["env"] as? String == "ZEROTOUCH_SERVER_PORT")
        #expect(configuration["server.host"]?["origin"] as? String == "default")
        let problems = try #require(object["problems"] as? [[String: String]])
        #expect(problems == [["key": "server.port", "message": "must be 0…65535", "env": "ZEROTOUCH_SERVER_PORT"]])
    }
}
