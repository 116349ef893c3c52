public import Foundation
public import ZeroTouchCore
public import ZeroTouchServer

/// Everything `zerotouch idp serve` reads from configuration (YAML file, `ZEROTOUCH_*` overrides).
///
/// | key | default |
/// |---|---|
/// | `server.*`, `log.level`, `data.directory`, `security.allow_insecure_http` | see `CommonSettings` (port 9400) |
/// | `idp.issuer` | `http://<server.host>:<port>` (loopback only; required otherwise) |
/// | `idp.id_token_lifetime` | `1h` (1m…24h) |
/// | `idp.access_token_lifetime` | `10m` (1m…24h) |
/// | `idp.refresh_token_lifetime` | `24h` (1h…720h): a refresh-token family's absolute lifetime |
/// | `idp.session_lifetime` | `8h` (5m…720h) |
/// | `idp.bcrypt_cost` | `12` (10…15) |
/// | `idp.login.max_failures_per_user` | `5` |
/// | `idp.login.max_failures_per_address` | `20` |
/// | `idp.login.window` | `15m` |
/// | `idp.login.lockout` | `5m` |
/// | `idp.reload_interval` | `2s`: how often the server looks for admin changes made by the CLI or other replicas |
/// | `idp.console.admin_group` | `idp-admins`: the directory group whose members may use the web console at `/admin` |
public struct IdPSettings: Sendable {
    public var common: CommonSettings
    public var options: IdPOptions
    /// The bcrypt cost of new password hashes (`PasswordHasher`).
    public var bcryptCost: Int
    public var reloadInterval: Duration

    /// The IdP's default port.
    public static let defaultPort = 9400

    public init(common: CommonSettings = CommonSettings(), options: IdPOptions = IdPOptions(), bcryptCost: Int = 12, reloadInterval: Duration = .seconds(2)) {
        self.common = common
        self.options = options
        self.bcryptCost = bcryptCost
        self.reloadInterval = reloadInterval
    }

    /// Reads and validates the IdP's keys, collecting every problem.
    public init(reading reader: inout SettingsReader) {
        let common = CommonSettings(reading: &reader, defaultPort: Self.defaultPort)
        let issuerURL = reader.optionalURL("idp.issuer", policy: common.endpointPolicy)
        if let issuerURL, issuerURL.query != nil {
            reader.report("idp.issuer", "must not have a query (RFC 8414 §2)")
        }
        if issuerURL == nil, !EndpointPolicy.isLoopback(host: common.server.host) {
            reader.report("idp.issuer", "is required when server.host is not a loopback address")
        }
        let lifetimes = IdPLifetimes(
            idToken: Self.seconds(reader.duration("idp.id_token_lifetime", in: .seconds(60)...(.seconds(86_400)), default: .seconds(3600))),
            accessToken: Self.seconds(reader.duration("idp.access_token_lifetime", in: .seconds(60)...(.seconds(86_400)), default: .seconds(600))),
            refreshToken: Self.seconds(
                reader.duration("idp.refresh_token_lifetime", in: .seconds(3600)...(.seconds(2_592_000)), default: .seconds(86_400))),
            session: Self.seconds(reader.duration("idp.session_lifetime", in: .seconds(300)...(.seconds(2_592_000)), default: .seconds(28_800))))
        let window = Self.seconds(reader.duration("idp.login.window", in: .seconds(60)...(.seconds(86_400)), default: .seconds(900)))
        let lockout = Self.seconds(reader.duration("idp.login.lockout", in: .seconds(1)...(.seconds(86_400)), default: .seconds(300)))
        let userRule = ThrottleRule(
            maximumFailures: reader.int("idp.login.max_failures_per_user", in: 1...100, default: 5), window: window, lockout: lockout)
        let addressRule = ThrottleRule(
            maximumFailures: reader.int("idp.login.max_failures_per_address", in: 1...10_000, default: 20), window: window, lockout: lockout)
        let adminGroup = reader.string("idp.console.admin_group", default: IdPOptions.defaultConsoleAdminGroup)
        if adminGroup.isEmpty || adminGroup.utf8.count > 200 {
            reader.report("idp.console.admin_group", "must be a group name of 1…200 bytes")
        }
        let options = IdPOptions(
            issuer: issuerURL.map { Issuer($0.absoluteString) }, lifetimes: lifetimes, userThrottle: userRule, addressThrottle: addressRule,
            consoleAdminGroup: adminGroup)
        self.init(
            common: common, options: options, bcryptCost: reader.int("idp.bcrypt_cost", in: 10...15, default: 12),
            reloadInterval: reader.duration("idp.reload_interval", in: .seconds(1)...(.seconds(300)), default: .seconds(2)))
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        let (seconds, attoseconds) = duration.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }
}
