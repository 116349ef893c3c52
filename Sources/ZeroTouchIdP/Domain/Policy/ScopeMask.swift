/// A set of one server's scopes as 128 bits, one per scope the server defines (at most
/// `MCPServer.maximumScopeCount`), so that policy decisions combine scopes with bitwise operations.
struct ScopeMask: Equatable, Sendable {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    static let empty = ScopeMask()

    var isEmpty: Bool { low == 0 && high == 0 }

    mutating func insert(_ bit: Int) {
        if bit < 64 { low |= 1 << UInt64(bit) } else { high |= 1 << UInt64(bit - 64) }
    }

    func contains(_ bit: Int) -> Bool {
        bit < 64 ? low & (1 << UInt64(bit)) != 0 : high & (1 << UInt64(bit - 64)) != 0
    }

    func union(_ other: ScopeMask) -> ScopeMask { ScopeMask(low: low | other.low, high: high | other.high) }
    func intersection(_ other: ScopeMask) -> ScopeMask { ScopeMask(low: low & other.low, high: high & other.high) }
    func subtracting(_ other: ScopeMask) -> ScopeMask { ScopeMask(low: low & ~other.low, high: high & ~other.high) }
    func intersects(_ other: ScopeMask) -> Bool { !intersection(other).isEmpty }

    private init(low: UInt64, high: UInt64) {
        self.low = low
        self.high = high
    }

    init() {}
}
