import Foundation
public import Hummingbird
public import ZeroTouchCore

extension Request {
    /// The default cap for JSON bodies of the admin APIs: 1 MiB.
    public static let defaultMaximumJSONBodySize = 1024 * 1024

    /// Decodes a JSON request body (RFC 8259) for the admin APIs, with a size cap.
    ///
    /// `Content-Type` must be `application/json` or a `+json` type (RFC 6839 §3.1). Decoding
    /// failures are described by member path only: values from the body are never echoed.
    /// Hummingbird's `decode(as:context:)` is not used because its errors are not RFC 6749 §5.2
    /// JSON (STYLE.md §1 "Do not copy").
    /// - Parameters:
    ///   - type: the type to decode.
    ///   - maximumSize: the cap in bytes.
    /// - Throws: `OAuthErrorResponse` `invalid_request` for another media type, an oversized body
    ///   or JSON that does not decode as `type`.
    public func decodeJSONBody<Value: Decodable>(
        as type: Value.Type, maximumSize: Int = Request.defaultMaximumJSONBodySize
    ) async throws(OAuthErrorResponse) -> Value {
        try RequestBodyReader.requireMediaType(of: self, expected: "application/json") {
            $0 == "application/json" || ($0.hasPrefix("application/") && $0.hasSuffix("+json"))
        }
        let bytes = try await RequestBodyReader.collect(self, maximumSize: maximumSize)
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            return try decoder.decode(Value.self, from: Data(bytes))
        } catch let error as DecodingError {
            throw .invalidRequest(Self.describe(error))
        } catch {
            throw .invalidRequest("request body is not valid JSON")
        }
    }

    /// A description of a decoding failure that names the member but never echoes a value.
    static func describe(_ error: DecodingError) -> String {
        func path(_ keys: [any CodingKey]) -> String {
            let names = keys.map { key in key.intValue.map { "[\($0)]" } ?? printable(key.stringValue) }
            return names.isEmpty ? "(root)" : names.joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, let context):
            return "missing member '\(path(context.codingPath + [key]))'"
        case .valueNotFound(_, let context):
            return "member '\(path(context.codingPath))' must not be null"
        case .typeMismatch(_, let context):
            return "member '\(path(context.codingPath))' has the wrong type"
        case .dataCorrupted(let context):
            return context.codingPath.isEmpty
                ? "request body is not valid JSON" : "member '\(path(context.codingPath))' is invalid"
        @unknown default:
            return "request body is not valid JSON"
        }
    }

    /// A member name safe to echo: at most 40 printable ASCII characters.
    private static func printable(_ name: String) -> String {
        String(name.unicodeScalars.filter { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F && $0 != "'" }
            .prefix(40).map(Character.init))
    }
}
