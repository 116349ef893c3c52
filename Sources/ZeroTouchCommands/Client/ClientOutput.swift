import ArgumentParser
import Foundation
import ZeroTouchClient
import ZeroTouchCore

/// How client commands print: text for people, JSON for scripts, and errors that say what to do next.
enum ClientOutput {
    /// Exit status when the user must log in (again).
    static let loginExitCode: Int32 = 3
    /// Exit status when the organization's policy refused access.
    static let blockedExitCode: Int32 = 4

    /// Runs `body`, turning a `ZeroTouchClientError` into a message on stderr (or JSON on stdout) and an exit code.
    static func run(json: Bool, _ body: () async throws -> Void) async throws {
        do {
            try await body()
        } catch let error as ZeroTouchClientError {
            report(error, json: json)
            throw ExitCode(exitCode(for: error))
        }
    }

    static func exitCode(for error: ZeroTouchClientError) -> Int32 {
        switch error.code {
        case .notLoggedIn, .loginRequired: loginExitCode
        case .blockedByPolicy: blockedExitCode
        default: 1
        }
    }

    static func report(_ error: ZeroTouchClientError, json: Bool) {
        if json {
            var object: [String: Any] = ["error": error.code.description, "reason": error.reason]
            if let nextStep = error.nextStep { object["next_step"] = nextStep }
            if let url = error.url { object["url"] = url }
            if let denial = error.denial {
                object["denial"] = ["reason": denial.reason, "audit_reference": denial.auditReference as Any].compactMapValues { $0 }
            }
            CommandIO.current.writeOutput(encode(object))
        }
        var lines = ["error: \(error.code): \(error.reason)" + (error.url.map { " (\($0))" } ?? "")]
        if let oauth = error.oauthError, error.denial == nil {
            lines.append("  the server said: \(oauth.error)" + (oauth.errorDescription.map { ": \($0)" } ?? ""))
        }
        if let nextStep = error.nextStep { lines.append("  next: \(nextStep)") }
        CommandIO.current.writeError(lines.joined(separator: "\n"))
    }

    /// Compact JSON with sorted keys.
    static func encode(_ object: Any) -> String {
        guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// Seconds since 1970 as an ISO 8601 string.
    static func time(_ date: Date) -> String { ISO8601DateFormatter().string(from: date) }
}

extension ClientOutput {
    /// Any `Encodable` value as a JSON object for `encode(_:)`.
    static func jsonObject(_ value: some Encodable) -> Any {
        guard let data = try? JSONEncoder().encode(value), let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        else { return NSNull() }
        return object
    }
}
