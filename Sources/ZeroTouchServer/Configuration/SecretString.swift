/// A configuration value that must never be printed: a client secret, a database password.
///
/// `description`, `debugDescription` and string interpolation all give `[secret]`; only
/// `unredactedValue` holds the text, so a reveal is visible at the call site. Not `Equatable`:
/// compare secrets in constant time where they are checked.
public struct SecretString: Sendable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The secret itself. Never log it, put it in an error description or echo it.
    public let unredactedValue: String

    /// Wraps `value`.
    public init(_ value: String) { self.unredactedValue = value }

    /// Always `[secret]`.
    public var description: String { "[secret]" }
    /// Always `[secret]`.
    public var debugDescription: String { "[secret]" }
}
