/// One event of a `text/event-stream` (HTML Living Standard §9.2 "Server-sent events").
public struct ServerSentEvent: Sendable, Hashable {
    /// The `event` field; `message` when absent.
    public var type: String
    /// The `data` fields joined with line feeds.
    public var data: String
    /// The last `id` field seen, if any.
    public var id: String?
    /// The `retry` field in milliseconds, if sent with this event.
    public var retry: Int?

    /// Creates an event.
    public init(type: String = "message", data: String, id: String? = nil, retry: Int? = nil) {
        self.type = type
        self.data = data
        self.id = id
        self.retry = retry
    }
}
