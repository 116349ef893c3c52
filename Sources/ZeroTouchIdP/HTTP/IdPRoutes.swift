public import Hummingbird

/// Registers every route of the IdP in one place (STYLE "Routes are registered in one place per role").
///
/// | route | what |
/// |---|---|
/// | `GET /.well-known/openid-configuration`, `GET /.well-known/oauth-authorization-server` | metadata |
/// | `GET /jwks` | signing keys |
/// | `GET`/`POST /authorize` | code flow with PKCE S256; sign-in form or SSO redirect |
/// | `POST /login`, `POST /login/otp` | the sign-in forms |
/// | `POST /token` | `authorization_code`, `refresh_token`, token exchange → ID-JAG |
/// | `GET`/`POST /userinfo`, `GET /mcp/servers` | with the login's access token |
/// | `POST /revoke` | RFC 7009 |
/// | `GET`/`POST /logout` | confirm, then end the session |
/// | `/admin/api/…` | admin JSON API (admin bearer token) |
/// | `/admin`, `/admin/…` | web admin console (browser session of a member of the admin group, CSRF tokens) |
public enum IdPRoutes {
    /// Adds the routes of `provider` to `router`.
    public static func addRoutes(to router: Router<IdPRequestContext>, provider: IdentityProvider) {
        DiscoveryRoutes(provider: provider).add(to: router)
        SignInRoutes(provider: provider).add(to: router)
        TokenRoutes(provider: provider).add(to: router)
        UserRoutes(provider: provider).add(to: router)
        AdminRoutes(provider: provider).add(to: router)
        ConsoleRoutes(provider: provider).add(to: router)
    }
}
