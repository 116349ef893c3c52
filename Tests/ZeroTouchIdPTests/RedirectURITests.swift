import Testing
import ZeroTouchCore
@testable import ZeroTouchIdP

@Suite("Client redirect URIs")
struct RedirectURITests {
    static let web = RegistryFixture.client("web", redirectURIs: ["https://app.example.com/callback", "http://localhost:1234/cb"])
    static let native = RegistryFixture.client(
        "native", type: .native, redirectURIs: ["http://127.0.0.1/callback", "http://[::1]/callback", "http://localhost:1234/cb"])

    @Test("registered URIs match exactly", arguments: ["https://app.example.com/callback", "http://localhost:1234/cb"])
    func exactMatch(_ uri: String) {
        #expect(Self.web.acceptsRedirectURI(uri))
    }

    @Test(
        "anything else is refused for a web client",
        arguments: [
            "https://app.example.com/callback/", "https://app.example.com/callback?x=1", "https://app.example.com/Callback",
            "https://app.example.com:444/callback", "http://app.example.com/callback", "https://app.example.com/callback#frag",
            "http://localhost:1235/cb", "http://localhost:1234/other", "http://127.0.0.1:5000/callback",
        ])
    func webRefusals(_ uri: String) {
        #expect(!Self.web.acceptsRedirectURI(uri))
    }

    @Test(
        "a native client's loopback IP redirect matches on any port (RFC 8252 §7.3)",
        arguments: ["http://127.0.0.1/callback", "http://127.0.0.1:5000/callback", "http://127.0.0.1:65535/callback", "http://[::1]:49152/callback"])
    func loopbackAnyPort(_ uri: String) {
        #expect(Self.native.acceptsRedirectURI(uri))
    }

    @Test(
        "look-alike and altered loopback redirects are refused",
        arguments: [
            "http://127.0.0.1.evil.com/callback", "http://127.0.0.1.evil.com:5000/callback", "http://127.0.0.1:5000/callback/../x",
            "http://127.0.0.1:5000/other", "http://127.0.0.1:5000/callback?x=1", "http://127.0.0.1:5000/callback#f",
            "http://user@127.0.0.1:5000/callback", "http://127.0.0.1:5000@evil.com/callback", "https://127.0.0.1:5000/callback",
            "http://127.0.0.2:5000/callback", "http://localhost:5000/callback", "http://localhost:1234/other", "http://localhost:4321/cb",
            "http://127.0.0.1:0/callback", "http://127.0.0.1:70000/callback", "",
        ])
    func loopbackRefusals(_ uri: String) {
        #expect(!Self.native.acceptsRedirectURI(uri))
    }

    @Test("a web client gets no loopback latitude")
    func webNoLoopback() {
        let web = RegistryFixture.client("w", type: .web, redirectURIs: ["http://127.0.0.1/callback"])
        #expect(web.acceptsRedirectURI("http://127.0.0.1/callback"))
        #expect(!web.acceptsRedirectURI("http://127.0.0.1:8080/callback"))
    }
}
