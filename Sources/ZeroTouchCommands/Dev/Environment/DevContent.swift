import ZeroTouchCore
import ZeroTouchDemoServers

/// The first issues and wiki pages of the dev organization, so that searches find something.
/// Written by `zerotouch-dev`, an author no user can be.
enum DevContent {
    static let author = Subject("zerotouch-dev")

    /// Seeds both demo servers' databases.
    /// - Throws: their database errors.
    static func seed(issues: IssueStore, docs: DocStore) async throws {
        try await docs.write(
            slug: "getting-started", title: "Getting started",
            body: "Sign in once with `zerotouch login`; every MCP server your group may use is connected for you.", by: author)
        try await docs.write(
            slug: "release-process", title: "Release process",
            body: "Cut a release branch on Monday, run the end-to-end suite, then tag. The launch checklist lives here too.", by: author)
        _ = try await issues.create(
            title: "Welcome to the issue tracker", body: "Engineering can open and close issues; contractors can read them.", by: author)
    }
}
