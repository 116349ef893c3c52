import Synchronization

/// Parsed JOSE headers by their encoded bytes, so that the header of every token from one issuer
/// and key (the same bytes each time) is decoded once. Bounded: when full it starts over, so
/// headers made up by an attacker cannot grow it. Only well-formed headers are stored, and a hit
/// is confirmed by comparing the bytes, so it returns exactly what parsing them would: the cache
/// changes no decision.
final class HeaderCache: Sendable {
    static let shared = HeaderCache()

    /// The most headers kept; far above the number of keys any deployment trusts at once.
    static let capacity = 256
    /// Longer encoded headers are never cached (a legitimate one is well under 200 bytes).
    static let maximumKeyLength = 512

    private struct Entry {
        var encoded: [UInt8]
        var header: JOSEHeader
    }

    /// Keyed by FNV-1a of the bytes: hashing a byte slice through `Hasher` cost more than the cache saved.
    private let entries = Mutex<[UInt64: Entry]>([:])

    func header(for encoded: ArraySlice<UInt8>) -> JOSEHeader? {
        guard encoded.count <= Self.maximumKeyLength else { return nil }
        let key = Self.fingerprint(encoded)
        return entries.withLock { entries in
            guard let entry = entries[key], entry.encoded.elementsEqual(encoded) else { return nil }
            return entry.header
        }
    }

    func store(_ header: JOSEHeader, for encoded: ArraySlice<UInt8>) {
        guard encoded.count <= Self.maximumKeyLength else { return }
        let entry = Entry(encoded: Array(encoded), header: header)
        let key = Self.fingerprint(encoded)
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = entry
        }
    }

    /// 64-bit FNV-1a: not a defence against collisions (the bytes are compared on every hit), only a
    /// cheap bucket.
    private static func fingerprint(_ bytes: ArraySlice<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
