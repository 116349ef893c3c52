import ZeroTouchCore

extension MCPServer {
    /// The longest resource identifier or issuer accepted.
    public static let maximumURILength = 2048
    /// The longest scope description accepted.
    public static let maximumScopeDescriptionLength = 500

    /// Checks every field (issue 3, item 4).
    /// - Throws: `IdPAdminError.invalidInput`.
    func validate(endpointPolicy: EndpointPolicy) throws(IdPAdminError) {
        try AdminValidation.identifier(id.rawValue, field: "id")
        try AdminValidation.name(name, field: "name")
        try AdminValidation.text(description, field: "description")
        // RFC 8707 §2 / RFC 9728 §2: an absolute URI without fragment; decisions X-11: https except loopback.
        guard resource.rawValue.utf8.count <= Self.maximumURILength, endpointPolicy.allows(resource.rawValue) else {
            throw .invalidInput(field: "resource", message: "must be an absolute https URI (http only on loopback) without fragment")
        }
        // RFC 8414 §2: the issuer is an https URL with no query or fragment.
        guard authorizationServer.rawValue.utf8.count <= Self.maximumURILength, endpointPolicy.allows(authorizationServer.rawValue),
            !authorizationServer.rawValue.contains("?")
        else {
            throw .invalidInput(
                field: "authorizationServer", message: "must be an https issuer URL (http only on loopback) without query or fragment")
        }
        guard scopes.count <= Self.maximumScopeCount else {
            throw .invalidInput(field: "scopes", message: "must have at most \(Self.maximumScopeCount) entries")
        }
        try AdminValidation.list(scopes.map(\.name), field: "scopes", maximum: Self.maximumScopeCount)
        for scope in scopes {
            try AdminValidation.scopeToken(scope.name, field: "scopes")
            try AdminValidation.text(scope.description, field: "scopes.description", maximum: Self.maximumScopeDescriptionLength)
        }
        guard (1...Self.maximumIDJAGLifetime).contains(idJAGLifetime) else {
            throw .invalidInput(field: "idJAGLifetime", message: "must be 1 to \(Self.maximumIDJAGLifetime) seconds")
        }
    }
}
