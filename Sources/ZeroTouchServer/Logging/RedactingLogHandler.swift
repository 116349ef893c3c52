public import Logging

/// A `LogHandler` that redacts secrets before any other handler sees them.
///
/// Wraps any handler. Every path into the wrapped handler goes through `SecretRedaction`:
/// the message, per-call metadata, handler metadata set through `Logger[metadataKey:]`,
/// metadata from a `MetadataProvider`, and the attached error's description. So a secret-named key
/// logs as `[redacted]` and a JWT anywhere logs as `[redacted-jwt]`.
public struct RedactingLogHandler: LogHandler {
    /// The handler that writes the redacted events.
    public private(set) var wrapped: any LogHandler

    /// Wraps `handler`, redacting its existing metadata and provider.
    public init(wrapping handler: any LogHandler) {
        var handler = handler
        handler.metadata = SecretRedaction.redact(handler.metadata)
        if let provider = handler.metadataProvider {
            handler.metadataProvider = Self.redacting(provider)
        }
        self.wrapped = handler
    }

    /// Forwards `event` with its message, metadata and error redacted.
    public func log(event: LogEvent) {
        var event = event
        event.message = Logger.Message(stringLiteral: SecretRedaction.scrubJWTs(event.message.description))
        event.metadata = event.metadata.map(SecretRedaction.redact)
        if let error = event.error {
            event.error = RedactedError(original: error)
        }
        wrapped.log(event: event)
    }

    /// The wrapped handler's metadata; values are redacted when set.
    public var metadata: Logger.Metadata {
        get { wrapped.metadata }
        set { wrapped.metadata = SecretRedaction.redact(newValue) }
    }

    /// One metadata value; redacted when set.
    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { wrapped[metadataKey: key] }
        set {
            wrapped[metadataKey: key] = newValue.map {
                SecretRedaction.isSecretKey(key) ? .string(SecretRedaction.redactedValue) : SecretRedaction.redact($0)
            }
        }
    }

    /// The wrapped handler's level.
    public var logLevel: Logger.Level {
        get { wrapped.logLevel }
        set { wrapped.logLevel = newValue }
    }

    /// The wrapped handler's provider; whatever it returns is redacted.
    public var metadataProvider: Logger.MetadataProvider? {
        get { wrapped.metadataProvider }
        set { wrapped.metadataProvider = newValue.map(Self.redacting) }
    }

    private static func redacting(_ provider: Logger.MetadataProvider) -> Logger.MetadataProvider {
        Logger.MetadataProvider { SecretRedaction.redact(provider.get()) }
    }
}

/// An error as logged: its type name and its JWT-scrubbed description.
struct RedactedError: Error, CustomStringConvertible {
    let description: String

    init(original: any Error) {
        self.description = SecretRedaction.scrubJWTs(String(describing: original))
    }
}
