/// Size limits the stores enforce before anything is written, so that one oversized input can
/// neither bloat the database nor slow every replica that reloads it.
public enum StorageLimits {
    /// The largest document body `DocumentStore.apply` accepts: 1 MiB.
    public static let maximumDocumentBodySize = 1 << 20

    /// The largest `AuditRecord.details` accepted, measured as its stored JSON object: 16 KiB.
    /// A larger record is rejected rather than truncated, so the trail never holds a silently cut entry.
    public static let maximumAuditDetailsSize = 16 << 10
}
