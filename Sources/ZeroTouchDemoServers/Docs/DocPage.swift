public import Foundation

/// A page of the demo wiki, with who wrote its first and latest version.
public struct DocPage: Codable, Sendable, Equatable {
    /// The page's address: lowercase letters, digits and dashes.
    public var slug: String
    /// The title.
    public var title: String
    /// The text (Markdown).
    public var body: String
    /// 1 for a new page, incremented by every write.
    public var version: Int
    /// The user who created it.
    public var createdBy: String
    /// The user who wrote the latest version.
    public var updatedBy: String
    /// When the latest version was written.
    public var updatedAt: Date

    enum CodingKeys: String, CodingKey {
        case slug, title, body, version
        case createdBy = "created_by"
        case updatedBy = "updated_by"
        case updatedAt = "updated_at"
    }
}

/// A search hit: the page without its body, plus a short excerpt.
public struct DocSearchHit: Codable, Sendable, Equatable {
    /// The page's slug.
    public var slug: String
    /// The title.
    public var title: String
    /// The first 200 characters of the body.
    public var excerpt: String
}
