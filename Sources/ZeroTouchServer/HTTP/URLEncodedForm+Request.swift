public import Hummingbird
public import ZeroTouchCore

extension URLEncodedForm {
    /// Reads the `application/x-www-form-urlencoded` body of an OAuth endpoint (RFC 6749 §3.2,
    /// Appendix B).
    ///
    /// `Content-Type` must be `application/x-www-form-urlencoded` (parameters such as `charset`
    /// are allowed); at most `maximumSize` bytes are collected, and the body is parsed with
    /// `URLEncodedForm(parsing:)`, which rejects repeated parameters and malformed escapes.
    ///
    /// ```swift
    /// let form = try await URLEncodedForm(request: request)
    /// let assertion = try form.require("assertion")
    /// ```
    /// - Parameters:
    ///   - request: the request whose body is read.
    ///   - maximumSize: the cap in bytes (64 KiB by default).
    /// - Throws: `OAuthErrorResponse` `invalid_request` for another media type, an oversized or
    ///   unreadable body, or a malformed form.
    public init(request: Request, maximumSize: Int = URLEncodedForm.defaultMaximumSize) async throws(OAuthErrorResponse) {
        try RequestBodyReader.requireMediaType(of: request, expected: "application/x-www-form-urlencoded") {
            $0 == "application/x-www-form-urlencoded"
        }
        let bytes = try await RequestBodyReader.collect(request, maximumSize: maximumSize)
        try self.init(parsing: bytes, maximumSize: maximumSize)
    }
}
