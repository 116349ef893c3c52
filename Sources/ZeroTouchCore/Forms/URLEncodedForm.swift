/// A parsed `application/x-www-form-urlencoded` body (WHATWG URL §5.1, RFC 6749 Appendix B).
///
/// OAuth endpoints parse their bodies with this instead of a generic decoder: RFC 6749 §3.2 says
/// parameters "MUST NOT be included more than once", and every failure must become an
/// `invalid_request` JSON error rather than a framework error.
/// Written by hand because Hummingbird's `URLEncodedFormDecoder` silently keeps one of several
/// repeated values and reports errors in its own format.
public struct URLEncodedForm: Sendable, Equatable {
    /// The largest body accepted, in bytes.
    public static let defaultMaximumSize = 64 * 1024

    /// Parameter names to values; every name appears once.
    public private(set) var parameters: [String: String]

    /// Creates a form from parameters.
    public init(_ parameters: [String: String] = [:]) { self.parameters = parameters }

    /// Parses a body.
    /// - Parameters:
    ///   - bytes: the raw body.
    ///   - maximumSize: the cap; larger bodies are rejected before parsing.
    /// - Throws: `OAuthErrorResponse` `invalid_request` when the body is too large, is not UTF-8,
    ///   has a malformed percent-escape, an empty name, or repeats a parameter.
    public init(parsing bytes: some Collection<UInt8>, maximumSize: Int = Self.defaultMaximumSize) throws(OAuthErrorResponse) {
        guard bytes.count <= maximumSize else {
            throw .invalidRequest("request body exceeds \(maximumSize) bytes")
        }
        // One copy into an array, then a scan over concrete types: called from other modules, the
        // generic `split`/iterator path is not specialized and cost more than the ES256 signature
        // check at the token endpoints (BENCHMARKS.md, "Profile of the HTTP load").
        self.parameters = try Self.parse(Array(bytes))
    }

    /// Splits on `&` (empty pairs skipped) and each pair at its first `=`, decoding both halves.
    private static func parse(_ bytes: [UInt8]) throws(OAuthErrorResponse) -> [String: String] {
        var parameters: [String: String] = [:]
        var start = 0
        while start < bytes.count {
            var stop = start
            while stop < bytes.count, bytes[stop] != UInt8(ascii: "&") { stop += 1 }
            if stop > start {
                var equals = start
                while equals < stop, bytes[equals] != UInt8(ascii: "=") { equals += 1 }
                let name = try decode(bytes[start..<equals])
                let value = equals < stop ? try decode(bytes[(equals + 1)..<stop]) : ""
                guard !name.isEmpty else { throw .invalidRequest("form parameter with an empty name") }
                guard parameters[name] == nil else {
                    throw .invalidRequest("parameter '\(Self.printable(name))' is repeated")
                }
                parameters[name] = value
            }
            start = stop + 1
        }
        return parameters
    }

    /// The value of `name`, or `nil` when absent.
    public subscript(name: String) -> String? { parameters[name] }

    /// The value of `name`, or `nil` when absent or empty (RFC 6749 §3.1: "Parameters sent without
    /// a value MUST be treated as if they were omitted").
    public func value(_ name: String) -> String? {
        guard let value = parameters[name], !value.isEmpty else { return nil }
        return value
    }

    /// The value of `name`.
    /// - Throws: `OAuthErrorResponse` `invalid_request` naming the parameter when it is absent or empty.
    public func require(_ name: String) throws(OAuthErrorResponse) -> String {
        guard let value = value(name) else { throw .invalidRequest("missing required parameter '\(name)'") }
        return value
    }

    /// The body encoded again, names sorted.
    public var encoded: String {
        parameters.sorted { $0.key < $1.key }
            .map { "\(Self.encode($0.key))=\(Self.encode($0.value))" }
            .joined(separator: "&")
    }

    /// Percent-encodes a component for a form body: unreserved characters stay, space becomes `+`.
    public static func encode(_ string: String) -> String {
        var out = ""
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."),
                UInt8(ascii: "_"), UInt8(ascii: "*"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            case UInt8(ascii: " "):
                out += "+"
            default:
                out += "%" + String(byte >> 4, radix: 16, uppercase: true) + String(byte & 0xF, radix: 16, uppercase: true)
            }
        }
        return out
    }

    /// Decodes one form-encoded component (`+` is a space, `%XX` a byte), as RFC 6749 §2.3.1 asks for
    /// the client id and secret of a Basic header.
    /// - Throws: `OAuthErrorResponse` `invalid_request` on a malformed escape or invalid UTF-8.
    public static func decodeComponent(_ string: String) throws(OAuthErrorResponse) -> String {
        try decode(Array(string.utf8)[...])
    }

    /// Decodes one component: `+` is a space, `%XX` a byte; the result must be UTF-8.
    static func decode(_ bytes: ArraySlice<UInt8>) throws(OAuthErrorResponse) -> String {
        // Most values (tokens, URLs without escapes) have nothing to decode: validate them as they are.
        if !bytes.contains(where: { $0 == UInt8(ascii: "+") || $0 == UInt8(ascii: "%") }) {
            guard let string = String(validating: bytes, as: UTF8.self) else { throw .invalidRequest("form body is not valid UTF-8") }
            return string
        }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            index += 1
            switch byte {
            case UInt8(ascii: "+"):
                out.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                guard index + 1 < bytes.endIndex, let high = hexValue(bytes[index]), let low = hexValue(bytes[index + 1]) else {
                    throw .invalidRequest("malformed percent-encoding in form body")
                }
                index += 2
                out.append(high << 4 | low)
            default:
                out.append(byte)
            }
        }
        guard let string = String(validating: out, as: UTF8.self) else {
            throw .invalidRequest("form body is not valid UTF-8")
        }
        return string
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    /// A parameter name safe to echo in an error description: at most 40 printable ASCII characters.
    static func printable(_ name: String) -> String {
        String(name.unicodeScalars.filter { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F }.prefix(40).map(Character.init))
    }
}
