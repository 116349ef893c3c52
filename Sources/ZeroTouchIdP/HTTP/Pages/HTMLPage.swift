import HTTPTypes
import Hummingbird
import NIOCore

/// A server-rendered page of the sign-in flow: plain HTML, no JavaScript, every inserted value escaped.
///
/// Responses are never cached and carry a restrictive policy: no scripts at all, no framing
/// (clickjacking), no referrer (the query of `/authorize` stays private), no MIME sniffing.
struct HTMLPage {
    var title: String
    /// Already-escaped HTML of the page body.
    var body: String
    var status: HTTPResponse.Status = .ok

    /// Escapes text for HTML content and attribute values (OWASP XSS rule #1 and #2).
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if character.value < 0x20 && character != "\n" { out += " " } else { out.unicodeScalars.append(character) }
            }
        }
        return out
    }

    /// The response: the document with its security headers.
    func response(setting cookies: [Cookie] = []) -> Response {
        let document = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(Self.escape(title))</title><style>\(Self.style)</style></head>
            <body><main>\(body)</main></body></html>
            """
        var headers = HTTPFields()
        headers[.contentType] = "text/html; charset=utf-8"
        headers[.cacheControl] = "no-store"
        headers[.contentSecurityPolicy] = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'; base-uri 'none'"
        headers[HTTPField.Name("X-Frame-Options")!] = "DENY"
        headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        headers[HTTPField.Name("X-Content-Type-Options")!] = "nosniff"
        var response = Response(status: status, headers: headers, body: .init(byteBuffer: ByteBuffer(string: document)))
        for cookie in cookies { response.setCookie(cookie) }
        return response
    }

    /// A redirect (302 after a GET, 303 after a form POST) that sets `cookies`.
    static func redirect(to location: String, status: HTTPResponse.Status = .found, setting cookies: [Cookie] = []) -> Response {
        var headers = HTTPFields()
        headers[.location] = location
        headers[.cacheControl] = "no-store"
        headers[HTTPField.Name("Referrer-Policy")!] = "no-referrer"
        var response = Response(status: status, headers: headers)
        for cookie in cookies { response.setCookie(cookie) }
        return response
    }

    private static let style = """
        body{font-family:system-ui,sans-serif;background:#f4f5f7;margin:0}main{max-width:24rem;margin:4rem auto;background:#fff;\
        padding:2rem;border-radius:8px;box-shadow:0 1px 4px #0002}label{display:block;margin-top:1rem}input{width:100%;\
        box-sizing:border-box;padding:.5rem;margin-top:.25rem}button{margin-top:1.5rem;width:100%;padding:.6rem}\
        .error{color:#a40000;background:#fdecea;padding:.5rem;border-radius:4px}
        """
}
