import Foundation
import ZeroTouchAS
import ZeroTouchCore
import ZeroTouchIdP
import ZeroTouchOAuth

/// Seeds `DevOrganization` into the IdP's and the authorization server's registries, through their
/// audited admin operations (each change is stored with its `admin.*` audit record).
///
/// Order: groups → users (password hashes, memberships, the second factor, the suspension) → the
/// catalog → the CLI client at the IdP with its `client_id` per server (ID-JAG §5) → policy →
/// at the authorization server: trust in the IdP (ID-JAG §4.1), the resources and the CLI client.
/// The marker goes last (`DevEnvironment`), so an interrupted run is detected as partial.
struct DevSeeder {
    let topology: DevTopology
    let identityProvider: IdPRegistry
    let authorizationServer: ASRegistry
    private var actor: String { DevOrganization.auditActor }

    /// Seeds everything and returns the secrets made, to show once.
    /// - Throws: `IdPAdminError`, `ASRegistryError`, or a store error.
    func seed() async throws -> DevCredentials {
        let groups = try await seedGroups()
        var passwords: [String: String] = [:]
        var totpSecrets: [String: String] = [:]
        var totpURIs: [String: String] = [:]
        for account in DevOrganization.accounts {
            let password = SecretGenerator.password()
            let user = try await identityProvider.createUser(
                UserDetails(username: account.username, email: account.email, displayName: account.displayName), password: password, by: actor)
            passwords[account.username] = password
            if let group = groups[account.group] { try await identityProvider.addMember(user.id, to: group, by: actor) }
            if account.hasSecondFactor {
                let enrollment = try await identityProvider.enrollSecondFactor(for: user.id, issuerName: "ZeroTouch dev", by: actor)
                totpSecrets[account.username] = enrollment.secret
                totpURIs[account.username] = enrollment.provisioningURI
            }
            if account.isSuspended { try await identityProvider.suspendUser(user.id, by: actor) }
        }
        try await seedCatalog()
        let idpSecret = ClientSecret.generate()
        try await registerCLIAtIdentityProvider(secret: idpSecret)
        try await seedPolicies(groups: groups)
        let asSecret = ClientSecret.generate()
        try await seedAuthorizationServer(cliSecret: asSecret)
        return DevCredentials(
            passwords: passwords, totpSecrets: totpSecrets, totpURIs: totpURIs, cliSecretAtIdentityProvider: idpSecret,
            cliSecretAtAuthorizationServer: asSecret)
    }

    private func seedGroups() async throws -> [DevGroup: GroupID] {
        var ids: [DevGroup: GroupID] = [:]
        for group in DevGroup.allCases {
            ids[group] = try await identityProvider.createGroup(name: group.rawValue, description: group.summary, by: actor).id
        }
        return ids
    }

    private func seedCatalog() async throws {
        for server in DevServer.allCases {
            try await identityProvider.createServer(
                MCPServer(
                    id: MCPServerID(server.name), name: server.name, description: server.summary, resource: topology.resource(of: server),
                    authorizationServer: topology.authorizationServerIssuer,
                    scopes: server.scopes.map { ScopeDefinition($0, description: $0.hasSuffix(".read") ? "Read" : "Change") },
                    createdAt: Date()),
                by: actor)
        }
    }

    /// The CLI is a native app (RFC 8252): loopback redirects on any port, `client_secret_basic`
    /// (a confidential client: the token exchange refuses public clients, EMA-S §7.7).
    private func registerCLIAtIdentityProvider(secret: String) async throws {
        let clientID = ClientID(DevOrganization.cliClientID)
        let perServer = Dictionary(uniqueKeysWithValues: DevServer.allCases.map { (MCPServerID($0.name), clientID) })
        try await identityProvider.createClient(
            ZeroTouchIdP.RegisteredClient(
                id: clientID, name: DevOrganization.cliClientName,
                credentials: ClientCredentials(clientID: clientID, method: .clientSecretBasic, secretHash: ClientSecret.hash(secret)),
                applicationType: .native, redirectURIs: ["http://127.0.0.1/callback"], serverClientIDs: perServer, createdAt: Date()),
            by: actor)
    }

    private func seedPolicies(groups: [DevGroup: GroupID]) async throws {
        for policy in DevOrganization.policies {
            guard let group = groups[policy.group] else { continue }
            try await identityProvider.createRule(
                PolicyRule(
                    id: PolicyRuleID(policy.id), name: policy.name, effect: .allow, subjects: .groups(group),
                    servers: [MCPServerID(policy.server.name)], scopes: Scope(policy.scopes),
                    conditions: PolicyConditions(requiresSecondFactor: policy.requiresSecondFactor), createdAt: Date()),
                by: actor)
        }
    }

    /// Trust with just-in-time accounts: the IdP is the organization's directory, so each of its
    /// subjects gets a local account on first use (ID-JAG §3.1). ID-JAGs are single-use (EMA-S §7.4.2).
    private func seedAuthorizationServer(cliSecret: String) async throws {
        try await authorizationServer.putTrustedIssuer(
            TrustedIssuer(issuer: topology.identityProviderIssuer, userMapping: .createOnFirstUse), actor: actor)
        for server in DevServer.allCases {
            try await authorizationServer.putResource(
                ZeroTouchAS.ProtectedResource(identifier: topology.resource(of: server), scopes: server.allScopes), actor: actor)
        }
        let clientID = ClientID(DevOrganization.cliClientID)
        try await authorizationServer.putClient(
            ZeroTouchAS.RegisteredClient(
                credentials: ClientCredentials(clientID: clientID, method: .clientSecretBasic, secretHash: ClientSecret.hash(cliSecret)),
                allowedResources: DevServer.allCases.map(topology.resource(of:)), name: DevOrganization.cliClientName),
            actor: actor)
    }
}
