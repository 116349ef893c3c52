import Foundation
import Hummingbird

/// The IdP's two cookies (RFC 6265): the session (single sign-on) and the sign-in binding that ties a
/// sign-in form to the browser that asked for it.
///
/// Both are `HttpOnly`, `SameSite=Lax` (sent on the top-level redirect back from a client, not on
/// cross-site POSTs), `Path=/`, and `Secure` whenever the issuer is `https` — that is, everywhere but
/// loopback development (decisions X-11). When secure they carry the `__Host-` prefix, which browsers
/// accept only from a secure origin, with `Path=/` and no `Domain` (RFC 6265bis §4.1.3.2).
struct BrowserCookies {
    let isSecure: Bool

    var sessionName: String { isSecure ? "__Host-zt_session" : "zt_session" }
    var signInName: String { isSecure ? "__Host-zt_signin" : "zt_signin" }

    /// The session cookie value the request carries.
    func session(in request: Request) -> String? { request.cookies[sessionName]?.value }
    /// The sign-in binding cookie value the request carries.
    func signIn(in request: Request) -> String? { request.cookies[signInName]?.value }

    /// A cookie setting `name` to `value` for `maxAge` seconds (0 deletes it).
    func cookie(_ name: String, value: String, maxAge: Int) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: isSecure, httpOnly: true, sameSite: .lax)
    }
}
