import Foundation
import MCP
import ZeroTouchResourceServer

/// Reads and checks the arguments of a tool call; every failure is an `MCPToolError` the caller sees.
struct ToolArguments {
    let values: [String: Value]

    init(_ values: [String: Value]) { self.values = values }

    /// A required string of 1…`maximumLength` characters (trimmed).
    func string(_ name: String, maximumLength: Int) throws -> String {
        guard let value = optionalString(name) else { throw MCPToolError("'\(name)' is required") }
        guard !value.isEmpty else { throw MCPToolError("'\(name)' must not be empty") }
        guard value.count <= maximumLength else { throw MCPToolError("'\(name)' must be at most \(maximumLength) characters") }
        return value
    }

    /// An optional string, trimmed.
    func optionalString(_ name: String) -> String? {
        values[name]?.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// An optional integer within `range`.
    func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let value = values[name] else { return nil }
        let number = value.intValue ?? value.doubleValue.flatMap { $0 == $0.rounded() ? Int(exactly: $0) : nil } ?? value.stringValue.flatMap { Int($0) }
        guard let number, range.contains(number) else { throw MCPToolError("'\(name)' must be an integer \(range.lowerBound)…\(range.upperBound)") }
        return number
    }

    /// A required integer within `range`.
    func requiredInteger(_ name: String, in range: ClosedRange<Int>) throws -> Int {
        guard let number = try integer(name, in: range) else { throw MCPToolError("'\(name)' is required") }
        return number
    }
}
