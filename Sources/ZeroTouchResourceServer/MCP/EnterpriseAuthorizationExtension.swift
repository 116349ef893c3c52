public import Foundation
public import ZeroTouchCore

/// Announces `io.modelcontextprotocol/enterprise-managed-authorization` under
/// `capabilities.extensions` in the `initialize` result (SEP-2133, decisions X-10, checklist
/// §2(d) R-7).
///
/// The MCP swift-sdk's `Server.Capabilities` has no `extensions` member, so this is the one place
/// the extension is added: the hosting bridge and the gateway pass every response to an
/// `initialize` request through `announce(in:initializeIDs:)`, which edits the JSON result.
/// Responses to other requests pass unchanged.
public enum EnterpriseAuthorizationExtension {
    /// The extension's settings object: empty, as the extension defines none.
    public static let settings: JSONValue = .object([:])

    /// Adds the extension to `capabilities.extensions` of every response in `message` (one
    /// response or a batch) whose `id` is in `initializeIDs` and which has a `result`.
    /// - Returns: the edited JSON, or `message` unchanged when nothing matched or it is not JSON.
    public static func announce(in message: Data, initializeIDs: Set<JSONRPCID>) -> Data {
        guard !initializeIDs.isEmpty, let value = try? JSONDecoder().decode(JSONValue.self, from: message) else { return message }
        var changed = false
        let edited: JSONValue
        switch value {
        case .object(let object):
            edited = .object(announce(inResponse: object, initializeIDs: initializeIDs, changed: &changed))
        case .array(let values):
            edited = .array(values.map { element in
                guard let object = element.objectValue else { return element }
                return .object(announce(inResponse: object, initializeIDs: initializeIDs, changed: &changed))
            })
        default:
            return message
        }
        guard changed, let data = try? JSONEncoder().encode(edited) else { return message }
        return data
    }

    private static func announce(
        inResponse object: [String: JSONValue], initializeIDs: Set<JSONRPCID>, changed: inout Bool
    ) -> [String: JSONValue] {
        guard let id = object["id"].flatMap(JSONRPCID.init), initializeIDs.contains(id),
            var result = object["result"]?.objectValue
        else { return object }
        var capabilities = result["capabilities"]?.objectValue ?? [:]
        var extensions = capabilities["extensions"]?.objectValue ?? [:]
        extensions[EnterpriseManagedAuthorization.extensionID] = settings
        capabilities["extensions"] = .object(extensions)
        result["capabilities"] = .object(capabilities)
        var edited = object
        edited["result"] = .object(result)
        changed = true
        return edited
    }
}
