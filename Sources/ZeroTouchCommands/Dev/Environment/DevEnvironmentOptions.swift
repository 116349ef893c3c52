public import Logging
public import ZeroTouchStorage

/// How to run a dev environment.
public struct DevEnvironmentOptions: Sendable {
    /// Where the SQLite database, the demo servers' data and the CLI profile live (default `./.zerotouch`).
    public var dataDirectory: DataDirectory
    /// The ports; `nil` uses the ports the directory was seeded with, else `DevPorts()` (9400–9405).
    public var ports: DevPorts?
    /// The bcrypt cost of the seeded passwords (`PasswordHasher`): 10 for `dev`, lower in tests.
    public var passwordCost: UInt8
    /// The clock every role shares.
    public var clock: AdjustableClock
    /// The logger of the roles' applications.
    public var logger: Logger
    /// Whether SIGINT and SIGTERM shut the environment down gracefully (`zerotouch dev`); the demo
    /// and the tests stop it with `stop()`.
    public var stopsOnSignals: Bool

    /// Creates options.
    public init(
        dataDirectory: DataDirectory = DataDirectory(), ports: DevPorts? = nil, passwordCost: UInt8 = 10, clock: AdjustableClock = AdjustableClock(),
        logger: Logger = Logger(label: "zerotouch.dev"), stopsOnSignals: Bool = false
    ) {
        self.dataDirectory = dataDirectory
        self.ports = ports
        self.passwordCost = passwordCost
        self.clock = clock
        self.logger = logger
        self.stopsOnSignals = stopsOnSignals
    }
}
