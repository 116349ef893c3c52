import Foundation
import Logging
import Testing
import ZeroTouchCore
import ZeroTouchServer

@Suite("Configuration file, environment overrides and the common settings")
struct CommonSettingsTests {
    @Test("environment variables override the file; unset keys take their defaults")
    func precedence() async throws {
        let fixture = try ConfigurationFixture()
        defer { fixture.remove() }
        let yaml = """
            server:
              host: 127.0.0.1
              port: 9000
            log:
              level: debug
            """
        let (settings, report) = try await fixture.common(yaml: yaml, environment: ["ZEROTOUCH_SERVER_PORT": "9100", "PATH": "/bin"])
        let common = try #require(settings)
        #expect(common.server.port == 9100)
        #expect(common.server.host == "127.0.0.1")
        #expect(common.logLevel == .debug)
        #expect(common.dataDirectory == "./.zerotouch")
        #expect(common.allowInsecureHTTP == false)
        #expect(common.server.tls == nil)
        let origins = Dictionary(uniqueKeysWithValues: report.entries.map { ($0.key, $0.origin) })
        #expect(origins["server.port"] == .environment)
        #expect(origins["server.host"] == .file)
        #expect(origins["data.directory"] == .default)
        #expect(origins["server.tls.certificate"] == .unset)
        #expect(report.redactedText.contains("server.port = 9100 (environment)"))
    }

    @Test("the environment alone is enough; defaults give loopback and port of the role")
    func environmentOnly() async throws {
        let fixture = try ConfigurationFixture()
        defer { fixture.remove() }
        let source = try await fixture.source(yaml: nil, environment: ["ZEROTOUCH_LOG_LEVEL": "warning"])
        let (settings, _) = try SettingsReader.load(from: source) { CommonSettings(reading: &$0, defaultPort: 7443) }
        #expect(settings == CommonSettings(server: ServerSettings(host: "127.0.0.1", port: 7443), logLevel: .warning))
    }

    @Test("environment variable names: prefix, upper case, dots and camel case as underscores")
    func environmentNames() {
        #expect(ConfigurationSource.environmentVariableName(for: "server.port") == "ZEROTOUCH_SERVER_PORT")
        #expect(ConfigurationSource.environmentVariableName(for: "server.tls.key") == "ZEROTOUCH_SERVER_TLS_KEY")
        #expect(
            ConfigurationSource.environmentVariableName(for: "security.allow_insecure_http") == "ZEROTOUCH_SECURITY_ALLOW_INSECURE_HTTP"
        )
        #expect(ConfigurationSource.environmentVariableName(for: "idp.jwksURI") == "ZEROTOUCH_IDP_JWKS_URI")
    }

    @Test("every problem is reported at once, with key and environment variable")
    func allProblemsTogether() async throws {
        let fixture = try ConfigurationFixture()
        defer { fixture.remove() }
        let yaml = """
            server:
              port: 70000
              tls:
                certificate: /nonexistent/cert.pem
            log:
              level: loud
            security:
              allow_insecure_http: maybe
            """
        let (settings, report) = try await fixture.common(yaml: yaml)
        #expect(settings == nil)
        #expect(
            report.problems.map(\.description) == [
                "server.port: must be 0…65535 (env ZEROTOUCH_SERVER_PORT)",
                "server.tls.key: must be set together with server.tls.certificate (env ZEROTOUCH_SERVER_TLS_KEY)",
                "log.level: must be one of: trace, debug, info, notice, warning, error, critical (env ZEROTOUCH_LOG_LEVEL)",
                "security.allow_insecure_http: must be true or false (env ZEROTOUCH_SECURITY_ALLOW_INSECURE_HTTP)",
            ]
        )
        #expect(report.redactedText.contains("configuration has 4 problems:"))
    }

    @Test("a port that is not an integer says so")
    func portNotInteger() async throws {
        let fixture = try ConfigurationFixture()
        defer { fixture.remove() }
        let (_, report) = try await fixture.common(yaml: nil, environment: ["ZEROTOUCH_SERVER_PORT": "http"])
        #expect(report.problems.map(\.description) == ["server.port: must be an integer 0…65535 (env ZEROTOUCH_SERVER_PORT)"])
    }

    @Test("a non-loopback host needs TLS or the insecure flag (decisions X-11)")
    func nonLoopbackHost() async throws {
        let fixture = try ConfigurationFixture()
        defer { fixture.remove() }
        let refused = try await fixture.common(yaml: "server:\n  host: 0.0.0.0\n")
        #expect(refused.report.problems.map(\.key) == ["server.host"])
        #expect(refused.report.problems.first?.message.contains("security.allow_insecure_http") == true)

        let allowed = try await fixture.common(
            yaml: "server:\n  host: 0.0.0.0\n", environment: ["ZEROTOUCH_SECURITY_ALLOW_INSECURE_HTTP": "true"]
        )
        let settings = try #require(allowed.settings)
        #expect(settings.allowInsecureHTTP)
        #expect(settings.endpointPolicy.allowInsecureNonLoopbackHTTP)
        #expect(allowed.report.warnings.count == 1)
        #expect(allowed.report.redactedText.contains("warning: security.allow_insecure_http is true"))
    }

    @Test("TLS files that do not exist or are not PEM are problems naming the key")
    func tlsFiles() async throws {
        let fixture = try ConfigurationFixture()
        defer { fixture.remove() }
        let certificate = try fixture.write("not pem", to: "cert.pem")
        let missing = try await fixture.common(
            yaml: "server:\n  tls:\n    certificate: /nonexistent/cert.pem\n    key: /nonexistent/key.pem\n"
        )
        #expect(missing.report.problems.map(\.description) == [
            "server.tls.certificate: cannot read '/nonexistent/cert.pem' (env ZEROTOUCH_SERVER_TLS_CERTIFICATE)"
        ])
        let garbage = try await fixture.common(yaml: "server:\n  tls:\n    certificate: \(certificate)\n    key: \(certificate)\n")
        #expect(garbage.report.problems.map(\.key) == ["server.tls.certificate"])
        #expect(garbage.report.problems.first?.message.contains("is not a PEM certificate chain") == true)
    }

    @Test("a valid self-signed pair configures TLS", .enabled(if: SelfSignedCertificate.isAvailable))
    func tlsValid() async throws {
        let fixture = try ConfigurationFixture()
        defer { fixture.remove() }
        let pair = try SelfSignedCertificate.generate()
        defer { pair.remove() }
        let (settings, report) = try await fixture.common(
            yaml: "server:\n  host: 0.0.0.0\n  tls:\n    certificate: \(pair.certificatePath)\n    key: \(pair.keyPath)\n"
        )
        #expect(report.problems.isEmpty)
        #expect(settings?.server.tls == TLSSettings(certificatePath: pair.certificatePath, privateKeyPath: pair.keyPath))
        let mismatch = try await fixture.common(
            yaml: "server:\n  tls:\n    certificate: \(pair.certificatePath)\n    key: \(pair.certificatePath)\n"
        )
        #expect(mismatch.report.problems.map(\.key) == ["server.tls.key"])
    }

    @Test("a missing file and a file that is not a YAML mapping are load errors")
    func loadErrors() async throws {
        let fixture = try ConfigurationFixture()
        defer { fixture.remove() }
        await #expect(throws: ConfigurationLoadError.fileNotFound(path: "/nonexistent/zerotouch.yaml")) {
            try await ConfigurationSource.load(filePath: "/nonexistent/zerotouch.yaml", environment: [:])
        }
        let list = try fixture.write("- a\n- b\n", to: "list.yaml")
        await #expect(throws: ConfigurationLoadError.notAYAMLMapping(path: list)) {
            try await ConfigurationSource.load(filePath: list, environment: [:])
        }
    }

    @Test("a list where a single value belongs is a problem")
    func listValue() async throws {
        let fixture = try ConfigurationFixture()
        defer { fixture.remove() }
        let (_, report) = try await fixture.common(yaml: "server:\n  host:\n    - a\n    - b\n")
        #expect(report.problems.map(\.description) == ["server.host: must be a single value, not a list (env ZEROTOUCH_SERVER_HOST)"])
    }
}
