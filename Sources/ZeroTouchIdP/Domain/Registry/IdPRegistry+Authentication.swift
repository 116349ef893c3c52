import ZeroTouchCore
extension IdPRegistry {
    /// The longest username looked up at sign-in; longer input is treated as unknown.
    static let maximumUsernameLength = 200

    /// Checks a username and password at sign-in.
    ///
    /// Runs exactly one bcrypt verification whatever the outcome (against a dummy hash for an unknown
    /// username), so the response time does not reveal which usernames exist. The password is checked
    /// before the status, so only someone who knows it learns that an account is suspended.
    /// Blocking and slow by design: call it off the cooperative thread pool.
    /// - Throws: `LoginRejection`.
    public func authenticate(username: String, password: String) throws(LoginRejection) -> User {
        let user = username.utf8.count <= Self.maximumUsernameLength ? snapshot.user(username: username) : nil
        guard passwordHasher.verify(password, against: user?.passwordHash) else {
            throw user.map { .wrongPassword($0.id) } ?? .unknownUser
        }
        guard let user else { throw .unknownUser }
        guard user.isActive else { throw .suspended(user.id) }
        return user
    }

    /// Checks a TOTP code (RFC 6238) for `userID` at the registry clock's time: the current 30-second
    /// step or one either side, and a step later than the last one this user used (RFC 6238 §5.2).
    /// - Returns: the accepted time step.
    /// - Throws: `TOTPRejection`.
    @discardableResult
    public func verifySecondFactor(_ code: String, for userID: UserID) throws(TOTPRejection) -> Int64 {
        guard let user = snapshot.user(userID), user.isActive else { throw .inactiveUser(userID) }
        guard let secret = user.totpSecret, let totp = TOTP(base32Secret: secret) else { throw .notEnrolled(userID) }
        guard code.utf8.count == TOTP.digits, code.utf8.allSatisfy({ (0x30...0x39).contains($0) }) else {
            throw .malformedCode(userID)
        }
        guard let step = totp.matchingStep(of: code, at: clock.now) else { throw .invalidCode(userID) }
        guard totpSteps.consume(step, for: userID) else { throw .replayed(userID, step: step) }
        return step
    }
}
