public import Foundation

/// Where the IdP keeps browser sessions and sign-ins in progress.
public protocol SessionStore: Sendable {
    /// Stores a browser session by the hash of its cookie value.
    func saveSession(_ session: BrowserSession, hash: TokenHash) async throws
    /// The unexpired session with `hash`.
    func session(_ hash: TokenHash, now: Date) async throws -> BrowserSession?
    /// Ends a session (logout).
    func removeSession(_ hash: TokenHash) async throws

    /// Stores or replaces a sign-in in progress.
    func savePendingSignIn(_ pending: PendingSignIn) async throws
    /// The unexpired sign-in with `id`.
    func pendingSignIn(_ id: String, now: Date) async throws -> PendingSignIn?
    /// Forgets a sign-in once it completed.
    func removePendingSignIn(_ id: String) async throws
}
