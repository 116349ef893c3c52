public import Foundation

/// Any JSON value, for claim sets and documents whose members are checked one by one
/// (RFC 8259). Numbers keep their integer form when they have one, so `exp` round-trips exactly.
public enum JSONValue: Sendable, Hashable, Codable {
    case null
    case bool(Bool)
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        // The Decoder API cannot peek at a value's type, so kinds are tried in turn and each miss
        // costs a thrown DecodingError. The order follows what claim sets hold: strings first, then
        // integers (NumericDate), so the common claim decodes at the first or second attempt.
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode([String: JSONValue].self) {
            self = .object(value)
        } else {
            self = .array(try container.decode([JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let v): try container.encode(v)
        case .integer(let v): try container.encode(v)
        case .number(let v): try container.encode(v)
        case .string(let v): try container.encode(v)
        case .array(let v): try container.encode(v)
        case .object(let v): try container.encode(v)
        }
    }

    /// The string, when this is a string.
    public var stringValue: String? { if case .string(let v) = self { v } else { nil } }
    /// The boolean, when this is a boolean.
    public var boolValue: Bool? { if case .bool(let v) = self { v } else { nil } }
    /// The number as a Double, when this is a number.
    public var doubleValue: Double? {
        switch self {
        case .integer(let v): Double(v)
        case .number(let v): v
        default: nil
        }
    }
    /// The array, when this is an array.
    public var arrayValue: [JSONValue]? { if case .array(let v) = self { v } else { nil } }
    /// The object, when this is an object.
    public var objectValue: [String: JSONValue]? { if case .object(let v) = self { v } else { nil } }
    /// An RFC 7519 NumericDate (seconds since the epoch), when this is a finite number.
    public var dateValue: Date? { doubleValue.flatMap { $0.isFinite ? Date(timeIntervalSince1970: $0) : nil } }
    /// A string, or an array of strings (the two forms `aud` may take, RFC 7519 §4.1.3).
    public var stringOrStringArray: [String]? {
        switch self {
        case .string(let v): return [v]
        case .array(let values):
            let strings = values.compactMap(\.stringValue)
            return strings.count == values.count ? strings : nil
        default: return nil
        }
    }

    /// The member `key` of an object.
    public subscript(key: String) -> JSONValue? { objectValue?[key] }
}
