import MCP

/// Small JSON Schema builders for tool input schemas (MCP "Tool" `inputSchema`).
enum JSONSchema {
    static func object(_ properties: [String: Value], required: [String] = []) -> Value {
        .object([
            "type": .string("object"), "properties": .object(properties),
            "required": .array(required.map(Value.string)), "additionalProperties": .bool(false),
        ])
    }

    static func string(_ description: String) -> Value { .object(["type": .string("string"), "description": .string(description)]) }
    static func integer(_ description: String) -> Value { .object(["type": .string("integer"), "description": .string(description)]) }
    static func enumeration(_ values: [String], _ description: String) -> Value {
        .object(["type": .string("string"), "enum": .array(values.map(Value.string)), "description": .string(description)])
    }
}
