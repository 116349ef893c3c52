import ArgumentParser

/// Options every client command shares.
struct ClientOptions: ParsableArguments {
    @Option(name: .long, help: "The client profile (JSON: IdP and authorization server credentials). Default: $ZEROTOUCH_PROFILE, else the profile saved by `zerotouch login`.")
    var profile: String?

    @Flag(name: .long, help: "Print JSON for scripts (errors too, as {\"error\":…}).")
    var json = false

    @Flag(name: .customLong("insecure-allow-http-everywhere"), help: "DANGEROUS: allow plain http to hosts other than localhost (development only).")
    var allowsInsecureHTTP = false
}

/// For scripts and test harnesses: an ID token instead of the stored sign-in (`tools`, `call`).
struct ScriptIdentityOptions: ParsableArguments {
    @Option(name: .long, help: "Use the ID token in this file instead of the stored sign-in (also $ZEROTOUCH_ID_TOKEN_FILE); name servers by URL then.")
    var idTokenFile: String?
}
