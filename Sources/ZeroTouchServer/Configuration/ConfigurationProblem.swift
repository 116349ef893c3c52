/// A configuration problem: the key, what is wrong, and the variable that would fix it.
public struct ConfigurationProblem: Error, Sendable, Equatable, Encodable, CustomStringConvertible {
    /// The configuration key, such as `server.port`.
    public var key: String
    /// What is wrong, such as `must be 0…65535`. Never quotes a secret.
    public var message: String
    /// The variable that overrides the key.
    public var environmentVariable: String { ConfigurationSource.environmentVariableName(for: key) }

    /// Creates a problem for `key`.
    public init(key: String, message: String) {
        self.key = key
        self.message = message
    }

    /// `server.port: must be 0…65535 (env ZEROTOUCH_SERVER_PORT)`.
    public var description: String { "\(key): \(message) (env \(environmentVariable))" }

    enum CodingKeys: String, CodingKey { case key, message, env }

    /// Encodes `{"key":…,"message":…,"env":…}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(key, forKey: .key)
        try container.encode(message, forKey: .message)
        try container.encode(environmentVariable, forKey: .env)
    }
}
