import Foundation
import ZeroTouchCore

/// Reads and amends the few JSON-RPC messages the transport must understand.
enum MCPMessageInspector {
    /// When `data` is an `initialize` request: the request with each of `extensions` declared under
    /// `params.capabilities.extensions` with empty settings (SEP-2133 "Negotiation", EMA guide item 1,
    /// checklist C-1), and the request's `id`. Otherwise `nil`.
    static func declaringExtensions(_ extensions: [String], in data: Data) -> (data: Data, id: JSONValue)? {
        guard let message = try? JSONDecoder().decode(JSONValue.self, from: data), case .object(var request) = message,
            request["method"]?.stringValue == "initialize", let id = request["id"]
        else { return nil }
        guard !extensions.isEmpty else { return (data, id) }
        var params = request["params"]?.objectValue ?? [:]
        var capabilities = params["capabilities"]?.objectValue ?? [:]
        var declared = capabilities["extensions"]?.objectValue ?? [:]
        for name in extensions where declared[name] == nil { declared[name] = .object([:]) }
        capabilities["extensions"] = .object(declared)
        params["capabilities"] = .object(capabilities)
        request["params"] = .object(params)
        guard let amended = try? encoder.encode(JSONValue.object(request)) else { return (data, id) }
        return (amended, id)
    }

    /// The `result.protocolVersion` of `data` when it is the response to the request `id`.
    static func protocolVersion(in data: Data, respondingTo id: JSONValue) -> String? {
        guard let message = try? JSONDecoder().decode(JSONValue.self, from: data), case .object(let response) = message,
            response["id"] == id, let result = response["result"]?.objectValue
        else { return nil }
        return result["protocolVersion"]?.stringValue
    }

    /// The ids of the requests in `data` (a message or a batch): members with both `method` and `id`.
    static func requestIDs(in data: Data) -> [JSONValue] {
        guard let message = try? JSONDecoder().decode(JSONValue.self, from: data) else { return [] }
        let messages = message.arrayValue ?? [message]
        return messages.compactMap { message in
            guard let object = message.objectValue, object["method"] != nil, let id = object["id"], id != .null else { return nil }
            return id
        }
    }

    /// The ids answered by `data` (a response or a batch of them): members with `id` and `result` or `error`.
    static func responseIDs(in data: Data) -> [JSONValue] {
        guard let message = try? JSONDecoder().decode(JSONValue.self, from: data) else { return [] }
        let messages = message.arrayValue ?? [message]
        return messages.compactMap { message in
            guard let object = message.objectValue, object["method"] == nil, object["result"] != nil || object["error"] != nil else { return nil }
            return object["id"]
        }
    }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()
}
