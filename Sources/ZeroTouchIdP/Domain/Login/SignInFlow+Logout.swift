import Foundation
public import ZeroTouchCore

extension SignInFlow {
    /// Ends the browser session behind `sessionToken` when `csrfToken` is the session's logout token
    /// (OpenID Connect RP-Initiated Logout 1.0 §2: the OP should confirm before logging out).
    /// - Returns: whether a session was ended.
    /// - Throws: `SignInRejection.forgedSubmission` on a token mismatch; store errors.
    @discardableResult
    public func signOut(sessionToken: String?, csrfToken: String) async throws -> Bool {
        let now = clock.now
        guard let token = sessionToken, let session = try await session(for: token, now: now) else { return false }
        guard ConstantTime.equals(csrfToken, session.csrfToken) else { throw SignInRejection.forgedSubmission }
        try await sessions.removeSession(TokenHash(of: token))
        try await auditLog.append(
            AuditRecord(
                time: now, service: IdPRegistry.auditService, event: "logout", outcome: .success, actor: session.userID.rawValue,
                subject: session.userID.rawValue))
        return true
    }
}
