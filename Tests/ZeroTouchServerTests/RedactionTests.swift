import Logging
import Testing
import ZeroTouchServer

private struct LeakyError: Error, CustomStringConvertible {
    var description: String { "could not verify eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl" }
}

@Suite("RedactingLogHandler keeps secrets out of log lines")
struct RedactionTests {
    private static let jwt = "eyJhbGciOiJFUzI1NiIsInR5cCI6Im9hdXRoLWlkLWphZytqd3QifQ.eyJpc3MiOiJodHRwczovL2lkcCJ9.MEUCIQDx-_sig"
    private static let secretKeys = [
        "token", "access_token", "refresh_token", "id_token", "assertion", "client_assertion", "subject_token", "code",
        "code_verifier", "password", "secret", "client_secret", "authorization", "cookie", "set-cookie", "totp",
    ]

    @Test("every secret-named key is redacted", arguments: secretKeys)
    func secretKey(_ key: String) {
        let (logger, store) = CapturingLogHandler.makeLogger()
        logger.info("event", metadata: [key: "plain-secret-value"])
        #expect(store.all.first?.metadata[key] == "[redacted]")
        #expect(!store.text.contains("plain-secret-value"))
    }

    @Test("keys match case-insensitively, with - or _, and by their last dotted component")
    func keyVariants() {
        let (logger, store) = CapturingLogHandler.makeLogger()
        logger.info(
            "event",
            metadata: ["Client-Secret": "v1", "ACCESS_TOKEN": "v2", "http.request.authorization": "v3", "Set_Cookie": "v4"]
        )
        let metadata = store.all.first?.metadata ?? [:]
        #expect(metadata.values.allSatisfy { $0 == "[redacted]" })
        #expect(metadata.count == 4)
    }

    @Test("secret keys nested in dictionaries and arrays are redacted")
    func nestedMetadata() {
        let (logger, store) = CapturingLogHandler.makeLogger()
        logger.info(
            "event",
            metadata: [
                "request": .dictionary(["headers": .dictionary(["Authorization": "Basic abc", "accept": "json"])]),
                "forms": .array([.dictionary(["client_secret": "s3cr3t", "client_id": "c1"])]),
            ]
        )
        let text = store.text
        #expect(!text.contains("Basic abc"))
        #expect(!text.contains("s3cr3t"))
        #expect(text.contains("c1"))
        #expect(text.contains("json"))
    }

    @Test("a JWT in the message, in a value and in an error becomes [redacted-jwt]")
    func jwtScrubbing() {
        let (logger, store) = CapturingLogHandler.makeLogger()
        logger.info("received assertion \(Self.jwt) from client", metadata: ["detail": "token=\(Self.jwt)", "count": "\(3)"])
        logger.log(level: .error, "failed", error: LeakyError())
        let line = store.all[0]
        #expect(line.message == "received assertion [redacted-jwt] from client")
        #expect(line.metadata["detail"] == "token=[redacted-jwt]")
        #expect(line.metadata["count"] == "3")
        #expect(store.all[1].error == "could not verify [redacted-jwt]")
        #expect(!store.text.contains("eyJ"))
    }

    @Test("handler metadata and metadata providers are redacted too")
    func handlerMetadata() {
        let (base, store) = CapturingLogHandler.makeLogger()
        var logger = base
        logger[metadataKey: "password"] = "hunter2"
        logger[metadataKey: "note"] = "carries \(Self.jwt)"
        logger.info("event")
        let store2 = CapturingLogHandler.Store()
        var handler = RedactingLogHandler(wrapping: CapturingLogHandler(store: store2))
        handler.metadataProvider = Logger.MetadataProvider { ["cookie": "session=abc"] }
        Logger(label: "provider", factory: { _ in handler }).info("event")
        #expect(store.all[0].metadata["password"] == "[redacted]")
        #expect(store.all[0].metadata["note"] == "carries [redacted-jwt]")
        #expect(store2.all[0].metadata["cookie"] == "[redacted]")
    }

    @Test(
        "scrubJWTs covers JWS, JWE and unsigned tokens and leaves ordinary text alone",
        arguments: [
            ("a eyJh.eyJp.c2ln b", "a [redacted-jwt] b"),
            ("eyJh.eyJp.", "[redacted-jwt]"),
            ("jwe eyJh.a.b.c.d", "jwe [redacted-jwt]"),
            ("eyJ alone", "eyJ alone"),
            ("eyJh.only", "eyJh.only"),
            ("version 1.2.3", "version 1.2.3"),
            ("", ""),
        ]
    )
    func scrubbing(_ input: String, _ expected: String) {
        #expect(SecretRedaction.scrubJWTs(input) == expected)
    }

    @Test("without the wrapper the capture sees the secret, proving the test would catch a leak")
    func controlCase() {
        let (logger, store) = CapturingLogHandler.makeLogger(redacting: false)
        logger.info("event", metadata: ["password": "hunter2"])
        #expect(store.text.contains("hunter2"))
    }

    @Test("the bootstrap handler is the redacting wrapper at the configured level")
    func bootstrapHandler() {
        // LoggingSystem.bootstrap itself is process-global and not called here (tests share the process).
        let handler = LoggingBootstrap.makeHandler(label: "zerotouch", level: .warning)
        #expect(handler.logLevel == .warning)
        #expect(handler.wrapped is StreamLogHandler)
    }
}
