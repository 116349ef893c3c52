import Foundation
public import ZeroTouchCore
import ZeroTouchIdP

extension DevCredentials {
    /// The scripted browser of a seeded account: its password, and its TOTP code (RFC 6238) at the
    /// time of `clock` when it has a second factor.
    /// - Returns: `nil` for an unknown username.
    public func browser(for username: String, clock: any WallClock) -> ScriptedBrowser? {
        guard let password = passwords[username] else { return nil }
        guard let secret = totpSecrets[username], let totp = TOTP(base32Secret: secret) else {
            return ScriptedBrowser(username: username, password: password)
        }
        return ScriptedBrowser(username: username, password: password) {
            String(format: "%06d", totp.code(atStep: TOTP.step(at: clock.now)))
        }
    }
}
