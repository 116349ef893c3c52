public import ArgumentParser
public import Logging

/// `--log-level trace|debug|info|notice|warning|error|critical` (swift-log's level names).
extension Logger.Level: @retroactive ExpressibleByArgument {}
