import Hummingbird

/// Registers every route of the authorization server in one place (STYLE.md "HTTP handler"), under
/// the issuer's path.
enum ASRoutes {
    /// Adds the OAuth routes, the metadata at both URLs (decisions X-12) and the admin API.
    static func addRoutes(to router: Router<ASRequestContext>, endpoints: ASEndpoints, slot: ASServicesSlot) {
        let oauth = OAuthEndpoints(slot: slot)
        for path in endpoints.metadataPaths {
            router.get(RouterPath(path), use: oauth.metadata)
        }
        router.get(RouterPath(endpoints.jwksPath), use: oauth.jwks)
        router.post(RouterPath(endpoints.tokenPath), use: oauth.token)
        router.post(RouterPath(endpoints.introspectionPath), use: oauth.introspect)
        router.post(RouterPath(endpoints.revocationPath), use: oauth.revoke)
        router.get(RouterPath(endpoints.authorizationPath), use: oauth.authorize)
        router.post(RouterPath(endpoints.authorizationPath), use: oauth.authorize)
        addAdminRoutes(to: router.group(RouterPath(endpoints.adminPath)).add(middleware: AdminAuthenticationMiddleware(slot: slot)), slot: slot)
    }

    /// The admin API: JSON over bearer-authenticated routes.
    private static func addAdminRoutes(to admin: RouterGroup<ASRequestContext>, slot: ASServicesSlot) {
        let configuration = AdminConfigurationEndpoints(slot: slot)
        admin.get("trust", use: configuration.listTrust)
        admin.put("trust", use: configuration.putTrust)
        admin.delete("trust", use: configuration.deleteTrust)
        admin.get("clients", use: configuration.listClients)
        admin.put("clients", use: configuration.putClient)
        admin.delete("clients", use: configuration.deleteClient)
        admin.post("clients/disable", use: configuration.setClientDisabled(true))
        admin.post("clients/enable", use: configuration.setClientDisabled(false))
        admin.get("resources", use: configuration.listResources)
        admin.put("resources", use: configuration.putResource)
        admin.delete("resources", use: configuration.deleteResource)
        let users = AdminUserEndpoints(slot: slot)
        admin.get("users", use: users.list)
        admin.post("users", use: users.create)
        admin.delete("users", use: users.delete)
        admin.post("users/link", use: users.link)
        admin.post("users/unlink", use: users.unlink)
        admin.post("users/disable", use: users.setDisabled(true))
        admin.post("users/enable", use: users.setDisabled(false))
        admin.get("audit", use: users.audit)
    }
}
