import ArgumentParser
import ZeroTouchServer

/// `zerotouch config check [--config FILE] [--json]`: loads file and environment, validates every
/// key, and prints the effective configuration with secrets redacted.
struct ConfigCheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate the configuration and print it with secrets redacted.",
        discussion: """
            Loads the YAML file, applies ZEROTOUCH_* environment overrides, validates every key \
            and prints the effective values with their origin (file, environment, default). \
            Secrets show as [secret]. Exits with status 78 (EX_CONFIG) listing every problem, \
            each with its key and environment variable.
            """
    )

    /// The exit status for an invalid configuration: `EX_CONFIG` from sysexits(3).
    static let invalidConfigurationExitCode = ExitCode(78)

    @Option(name: .long, help: ArgumentHelp("The YAML configuration file (default: $ZEROTOUCH_CONFIG).", valueName: "file"))
    var config: String?

    @Option(name: .long, help: "Also validate this role's keys, as its serve command reads them: idp, as, gateway or mcp.")
    var role: ConfigCheck.Role?

    @Flag(name: .long, help: "Print the report as JSON.")
    var json = false

    func run() async throws {
        let io = CommandIO.current
        let report = await ConfigCheck.report(
            filePath: config ?? io.environment["ZEROTOUCH_CONFIG"], environment: io.environment, role: role)
        if json {
            io.writeOutput(report.redactedJSON)
        } else if report.isValid {
            io.writeOutput(report.redactedText)
        } else {
            io.writeError(report.redactedText)
        }
        guard report.isValid else { throw Self.invalidConfigurationExitCode }
    }
}
