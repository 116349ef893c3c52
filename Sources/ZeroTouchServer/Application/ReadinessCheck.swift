/// A named probe `GET /healthz` runs before answering 200; a throw makes the answer 503.
///
/// ```swift
/// ReadinessCheck("database") { try await database.ping() }
/// ```
/// The error's text is never shown to the caller: `/healthz` reports only `"failing"`.
public struct ReadinessCheck: Sendable {
    /// The name reported in the `checks` member of the `/healthz` body.
    public var name: String
    /// The probe; it fails by throwing.
    public var probe: @Sendable () async throws -> Void

    /// Creates a check.
    /// - Parameters:
    ///   - name: the name reported in `/healthz`.
    ///   - probe: the probe; it fails by throwing.
    public init(_ name: String, probe: @escaping @Sendable () async throws -> Void) {
        self.name = name
        self.probe = probe
    }
}
