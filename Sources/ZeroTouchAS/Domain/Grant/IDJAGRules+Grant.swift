public import ZeroTouchCore

/// The checks that bind the grant to this server's configuration: resource, scope, tenant and
/// local user (RFC 8707 §2, RFC 6749 §3.3, ID-JAG §4.4.1 and §6, EMA-S §7.2.1 and §7.6).
extension IDJAGRules {
    /// Step 11: finds the resource the access token will be audience-restricted to (EMA-S §5.1).
    ///
    /// A `resource` claim must name a registered resource the client may use. Without one, the
    /// ID-JAG is bound to the client's only resource unless that resource requires the claim
    /// (decisions X-3). A `resource` request parameter must equal the result (decisions X-8).
    /// - Throws: `IDJAGRejection.unknownResource`, `.resourceNotAllowed`, `.resourceRequired` or `.resourceMismatch`.
    public func resource(_ claims: [String: JSONValue], trust: TrustedIssuer) throws(IDJAGRejection) -> ProtectedResource {
        let allowed = configuration.clients[client]?.allowedResources ?? []
        let resource: ProtectedResource
        if let asserted = claims["resource"]?.stringValue.map(ResourceIdentifier.init) {
            guard let registered = configuration.resources[asserted] else { throw .unknownResource(asserted, strictEMA: trust.strictEMA) }
            guard allowed.contains(asserted) else { throw .resourceNotAllowed(asserted, client: client, strictEMA: trust.strictEMA) }
            resource = registered
        } else {
            guard allowed.count == 1, let only = configuration.resources[allowed[0]], !only.requiresResourceClaim else {
                throw .resourceRequired(client: client, strictEMA: trust.strictEMA)
            }
            resource = only
        }
        if let requestedResource, requestedResource != resource.identifier {
            throw .resourceMismatch(requested: requestedResource, asserted: resource.identifier)
        }
        return resource
    }

    /// Step 14: computes the granted scope (decisions X-5, checklist A-11).
    ///
    /// The ID-JAG's `scope` must parse (RFC 6749 §3.3) and be a subset of the scopes registered for
    /// the resource (EMA-S §7.6.2). The grant is then the request's `scope` ∩ the ID-JAG's scope, or
    /// the ID-JAG's scope when the request names none; a request sharing nothing with it is refused.
    /// - Returns: the scope of the access token.
    /// - Throws: `IDJAGRejection.malformedScope`, `.unregisteredScope` or `.scopeNotGranted`.
    public func grantedScope(_ claims: [String: JSONValue], resource: ProtectedResource, trust: TrustedIssuer) throws(IDJAGRejection) -> Scope {
        var asserted = Scope([])
        if let raw = claims["scope"]?.stringValue {
            do { asserted = try Scope(parsing: raw) } catch { throw .malformedScope }
        }
        let unregistered = asserted.subtracting(resource.scopes)
        guard unregistered.isEmpty else {
            throw .unregisteredScope(unregistered, resource: resource.identifier, strictEMA: trust.strictEMA)
        }
        guard let requestedScope, !requestedScope.isEmpty else { return asserted }
        let granted = requestedScope.intersection(asserted)
        guard !granted.isEmpty else { throw .scopeNotGranted(requested: requestedScope) }
        return granted
    }

    /// Step 15: when the issuer is trusted for one tenant, requires the ID-JAG's `tenant` to name it
    /// (ID-JAG §6.1, OIDC-EE "Tenant Isolation").
    /// - Throws: `IDJAGRejection.tenantMismatch`.
    public func checkTenant(_ claims: [String: JSONValue], trust: TrustedIssuer) throws(IDJAGRejection) {
        guard let expected = trust.tenant else { return }
        let actual = claims["tenant"]?.stringValue
        guard actual == expected else { throw .tenantMismatch(expected: expected, actual: actual) }
    }

    /// Step 16: maps `iss` + `tenant` + `sub` to a local user (ID-JAG §3.1, §6.1).
    /// - Returns: the linked user, or the identity to provision when the issuer allows it.
    /// - Throws: `IDJAGRejection.userNotLinked` or `.userDisabled`.
    public func resolveUser(_ claims: [String: JSONValue], trust: TrustedIssuer) throws(IDJAGRejection) -> UserResolution {
        let identity = LinkedIdentity(
            issuer: trust.issuer, tenant: claims["tenant"]?.stringValue, subject: Subject(claims["sub"]?.stringValue ?? ""))
        if let user = configuration.user(linkedTo: identity) {
            guard !user.isDisabled else { throw .userDisabled(user.id) }
            return .linked(user)
        }
        guard trust.userMapping == .createOnFirstUse else { throw .userNotLinked(identity) }
        return .provisionOnFirstUse(identity)
    }
}
