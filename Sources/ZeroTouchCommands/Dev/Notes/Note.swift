public import Foundation

/// One note of the notes server.
public struct Note: Codable, Sendable, Equatable {
    /// Sequential, from 1.
    public var id: Int
    /// A short title.
    public var title: String
    /// The text.
    public var text: String
    /// Who wrote it: the user the gateway vouched for (its `X-ZeroTouch-User` header), or `anonymous`.
    public var author: String
    /// When it was written.
    public var createdAt: Date
}
