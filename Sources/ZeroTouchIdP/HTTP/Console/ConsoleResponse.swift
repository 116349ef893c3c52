import HTTPTypes
import Hummingbird
import NIOCore

/// The responses of the web admin console (issue 10): every one, page, redirect, stylesheet or CSV,
/// carries the same security headers.
///
/// - `Content-Security-Policy`: nothing but the console's own stylesheet; forms post only here; no
///   framing (clickjacking), no `<base>` (W3C CSP Level 3 §6).
/// - `X-Frame-Options: DENY` for older browsers, `X-Content-Type-Options: nosniff`,
///   `Referrer-Policy: no-referrer`, `Cache-Control: no-store` (directory data and one-time passwords).
enum ConsoleResponse {
    /// The console's Content-Security-Policy.
    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"

    /// The security headers of every console response.
    static var securityHeaders: HTTPFields {
        var headers = HTTPFields()
        headers[.contentSecurityPolicy] = contentSecurityPolicy
        headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        headers[.cacheControl] = "no-store"
        return headers
    }

    /// An HTML document.
    static func html(_ document: String, status: HTTPResponse.Status = .ok, setting cookies: [Cookie] = []) -> Response {
        body(document, contentType: "text/html; charset=utf-8", status: status, setting: cookies)
    }

    /// Any body with `contentType`.
    static func body(
        _ text: String, contentType: String, status: HTTPResponse.Status = .ok, setting cookies: [Cookie] = [], extra: HTTPFields = [:]
    ) -> Response {
        var headers = securityHeaders
        headers[.contentType] = contentType
        headers.append(contentsOf: extra)
        var response = Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: text)))
        for cookie in cookies { response.setCookie(cookie) }
        return response
    }

    /// A `303 See Other` (after a form POST) or `302 Found` redirect to a console-relative location.
    static func redirect(to location: String, status: HTTPResponse.Status = .seeOther, setting cookies: [Cookie] = []) -> Response {
        var headers = securityHeaders
        headers[.location] = location
        var response = Response(status: status, headers: headers)
        for cookie in cookies { response.setCookie(cookie) }
        return response
    }
}
