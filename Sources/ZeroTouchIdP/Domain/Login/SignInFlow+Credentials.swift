import Foundation
public import ZeroTouchCore

extension SignInFlow {
    /// Checks the username and password of a sign-in form. Order: the sign-in exists → CSRF token and
    /// browser binding → throttle (per username and per address, before any bcrypt work) → bcrypt, off
    /// the cooperative pool → second factor or completion.
    /// - Throws: `SignInRejection`; store errors.
    public func submitPassword(_ submission: SignInSubmission, username: String, password: String) async throws -> SignInStep {
        var pending = try await verifiedPending(submission)
        guard pending.stage == .password else { throw SignInRejection.expired }
        if case .throttled(let retryAfter) = throttle.check(username: username, address: submission.address) {
            try await record(.denied, user: registry.snapshot.user(username: username)?.id, pending: pending, reason: "throttled", submission)
            throw SignInRejection.throttled(pending, retryAfter: retryAfter)
        }
        let registry = self.registry
        let user: User
        do {
            user = try await BlockingWork.run { () throws(LoginRejection) -> User in try registry.authenticate(username: username, password: password) }
        } catch {
            throttle.recordFailure(username: username, address: submission.address)
            try await record(.failure, user: error.userID, pending: pending, reason: error.auditReason, submission)
            throw SignInRejection.invalidCredentials(pending, error)
        }
        guard !user.hasSecondFactor else {
            pending.stage = .secondFactor(user: user.id, username: username, passwordCheckedAt: clock.now)
            try await sessions.savePendingSignIn(pending)
            return .secondFactorRequired(pending)
        }
        return try await complete(pending, user: user, username: username, methods: [AuthenticationMethod.password], submission)
    }

    /// Checks the TOTP code of a sign-in whose password was right (RFC 6238); `amr` becomes `pwd otp`.
    /// - Throws: `SignInRejection`; store errors.
    public func submitSecondFactor(_ submission: SignInSubmission, code: String) async throws -> SignInStep {
        let pending = try await verifiedPending(submission)
        guard case .secondFactor(let userID, let username, _) = pending.stage else { throw SignInRejection.expired }
        if case .throttled(let retryAfter) = throttle.check(username: username, address: submission.address) {
            try await record(.denied, user: userID, pending: pending, reason: "throttled", submission)
            throw SignInRejection.throttled(pending, retryAfter: retryAfter)
        }
        var rejection: TOTPRejection?
        do {
            let step = try registry.verifySecondFactor(code, for: userID)
            if try await !claimSharedStep(step, for: userID) { rejection = .replayed(userID, step: step) }
        } catch let error as TOTPRejection {
            rejection = error
        }
        if let rejection {
            throttle.recordFailure(username: username, address: submission.address)
            try await record(.failure, user: userID, pending: pending, reason: rejection.auditReason, submission)
            throw SignInRejection.invalidSecondFactor(pending, rejection)
        }
        guard let user = registry.snapshot.user(userID), user.isActive else { throw SignInRejection.expired }
        let methods = [AuthenticationMethod.password, AuthenticationMethod.oneTimePassword]
        return try await complete(pending, user: user, username: username, methods: methods, submission)
    }

    /// Records `step` for `userID` in the ledger replicas share, so a code accepted by one replica is
    /// refused by every other (RFC 6238 §5.2: "the verifier MUST NOT accept the second attempt of the
    /// same OTP"); the registry's own ledger already covers this process. Store errors propagate (503).
    private func claimSharedStep(_ step: Int64, for userID: UserID) async throws -> Bool {
        guard let totpLedger else { return true }
        let now = clock.now
        // The step is accepted for at most one step either side of now: two minutes covers its whole window.
        return try await totpLedger.recordOnce(
            "\(userID.rawValue)#\(step)", namespace: "idp.totp-step", expiresAt: now.addingTimeInterval(120), now: now)
    }

    /// The pending sign-in a form continues, once its CSRF token and browser binding match.
    private func verifiedPending(_ submission: SignInSubmission) async throws -> PendingSignIn {
        guard submission.pendingID.utf8.count <= OpaqueToken.maximumLength,
            let pending = try await sessions.pendingSignIn(submission.pendingID, now: clock.now)
        else { throw SignInRejection.expired }
        guard let secret = submission.browserSecret, secret.utf8.count <= OpaqueToken.maximumLength,
            TokenHash(of: secret) == pending.browserBinding, ConstantTime.equals(submission.csrfToken, pending.csrfToken)
        else { throw SignInRejection.forgedSubmission }
        guard AdminConsoleClient.isConsole(pending.request.clientID) || registry.snapshot.client(pending.request.clientID)?.isDisabled == false
        else { throw SignInRejection.expired }
        return pending
    }

    /// Creates the session, audits the sign-in, and issues the code.
    private func complete(
        _ pending: PendingSignIn, user: User, username: String, methods: [String], _ submission: SignInSubmission
    ) async throws -> SignInStep {
        let now = clock.now
        let authentication = AuthenticationContext(
            methods: Set(methods), authenticatedAt: Date(timeIntervalSince1970: now.timeIntervalSince1970.rounded(.down)))
        let session = OpaqueToken.generate()
        try await sessions.saveSession(
            BrowserSession(
                userID: user.id, authentication: authentication, expiresAt: now.addingTimeInterval(lifetimes.session),
                csrfToken: OpaqueToken.generate().value),
            hash: session.hash)
        try await sessions.removePendingSignIn(pending.id)
        throttle.recordSuccess(username: username)
        try await record(.success, user: user.id, pending: pending, reason: nil, submission, methods: methods)
        let location = try await issueCode(for: pending.request, user: user.id, authentication: authentication, now: now)
        return .completed(location: location, session: session)
    }

    /// Appends a `login` record durably: the user when known, the client, the address, the reason.
    private func record(
        _ outcome: AuditOutcome, user: UserID?, pending: PendingSignIn, reason: String?, _ submission: SignInSubmission,
        methods: [String]? = nil
    ) async throws {
        var details: [String: String] = [:]
        if let address = submission.address { details["address"] = address }
        if let methods { details["amr"] = methods.joined(separator: " ") }
        try await auditLog.append(
            AuditRecord(
                time: clock.now, service: IdPRegistry.auditService, event: Self.auditEvent, outcome: outcome, actor: user?.rawValue,
                subject: user?.rawValue, clientID: pending.request.clientID.rawValue, reason: reason, details: details))
    }
}
