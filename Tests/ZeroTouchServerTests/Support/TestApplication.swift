import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import ZeroTouchServer

/// Builds applications the way roles do, on 127.0.0.1:0, logging into a capture store.
enum TestApplication {
    /// An application with only the shared routes.
    static func make(
        readinessChecks: [ReadinessCheck] = [], server: ServerSettings = ServerSettings()
    ) throws -> (Application<RouterResponder<BasicRequestContext>>, CapturingLogHandler.Store) {
        try make(readinessChecks: readinessChecks, server: server) { _ in }
    }

    static func make(
        readinessChecks: [ReadinessCheck] = [],
        server: ServerSettings = ServerSettings(),
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in },
        routes: (Router<BasicRequestContext>) -> Void
    ) throws -> (Application<RouterResponder<BasicRequestContext>>, CapturingLogHandler.Store) {
        let (logger, store) = CapturingLogHandler.makeLogger()
        let builder = ApplicationBuilder(
            server: server, logger: logger, readinessChecks: readinessChecks, onServerRunning: onServerRunning
        )
        return (try builder.makeApplication(context: BasicRequestContext.self, addRoutes: routes), store)
    }
}

extension TestResponse {
    /// The body as a string.
    var text: String { body.getString(at: body.readerIndex, length: body.readableBytes) ?? "" }

    /// The body as a JSON object of strings (the shape of RFC 6749 §5.2 errors).
    var jsonObject: [String: String] {
        (try? JSONDecoder().decode([String: String].self, from: Data(text.utf8))) ?? [:]
    }
}

extension HTTPFields {
    /// Headers with a `Content-Type`.
    static func contentType(_ value: String) -> HTTPFields {
        var fields = HTTPFields()
        fields[.contentType] = value
        return fields
    }
}
