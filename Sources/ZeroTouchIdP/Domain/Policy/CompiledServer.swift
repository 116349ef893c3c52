import ZeroTouchCore

/// A catalog entry with its scopes numbered, for scope masks.
struct CompiledServer: Sendable {
    let server: MCPServer
    /// Scope names by bit.
    let names: [String]
    /// Bits by scope name.
    let bits: [String: Int]
    /// Every scope of the server.
    let all: ScopeMask

    init(_ server: MCPServer) {
        self.server = server
        var names: [String] = []
        var bits: [String: Int] = [:]
        var all = ScopeMask()
        for definition in server.scopes.prefix(MCPServer.maximumScopeCount) where bits[definition.name] == nil {
            bits[definition.name] = names.count
            all.insert(names.count)
            names.append(definition.name)
        }
        self.names = names
        self.bits = bits
        self.all = all
    }

    /// The server scopes among `scope`; tokens the server does not define are dropped.
    func mask(of scope: Scope) -> ScopeMask {
        var mask = ScopeMask()
        for token in scope.tokens {
            if let bit = bits[token] { mask.insert(bit) }
        }
        return mask
    }

    /// The scope named by `mask`.
    func scope(of mask: ScopeMask) -> Scope {
        Scope(names.indices.lazy.filter { mask.contains($0) }.map { names[$0] })
    }

    /// The server scopes a rule's `scopes` names (`nil`: all of them).
    func mask(ofRuleScopes scopes: Scope?) -> ScopeMask {
        guard let scopes else { return all }
        return mask(of: scopes)
    }
}
