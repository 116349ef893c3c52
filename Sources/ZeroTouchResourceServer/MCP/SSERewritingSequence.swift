import Synchronization
public import NIOCore

/// A Server-Sent Events body passed through event by event, with a hook that may edit or observe
/// each event before it is forwarded (the `initialize` result, the audit of a tool call).
///
/// Events are forwarded whole; the hook runs before an event leaves, so whatever it records is
/// durable before the client sees the event. `onFinish` runs once when the stream ends, fails,
/// or is abandoned by the client.
public struct SSERewritingSequence<Base: AsyncSequence & Sendable>: AsyncSequence, Sendable where Base.Element == ByteBuffer {
    /// Each element is one whole event, serialized.
    public typealias Element = ByteBuffer

    /// Edits or observes one event.
    public typealias Hook = @Sendable (inout SSEEvent) async -> Void

    private let base: Base
    private let hook: Hook
    private let maximumEventBytes: Int
    private let onFinish: @Sendable () -> Void

    /// Wraps `base`.
    /// - Parameters:
    ///   - base: the upstream body.
    ///   - maximumEventBytes: the cap on one event.
    ///   - onFinish: runs once when the stream is done.
    ///   - hook: runs on every complete event before it is forwarded.
    public init(
        _ base: Base, maximumEventBytes: Int = 4 * 1024 * 1024, onFinish: @escaping @Sendable () -> Void = {},
        hook: @escaping Hook
    ) {
        self.base = base
        self.hook = hook
        self.maximumEventBytes = maximumEventBytes
        self.onFinish = onFinish
    }

    /// The iterator.
    public func makeAsyncIterator() -> Iterator {
        Iterator(base: base.makeAsyncIterator(), hook: hook, buffer: SSEEventBuffer(maximumEventBytes: maximumEventBytes), finish: FinishOnce(onFinish))
    }

    /// Reads the base stream, and emits complete events after the hook has seen them.
    public struct Iterator: AsyncIteratorProtocol {
        var base: Base.AsyncIterator
        let hook: Hook
        var buffer: SSEEventBuffer
        let finish: FinishOnce
        var ready: [SSEEvent] = []
        var ended = false

        /// The next event, serialized.
        public mutating func next() async throws -> ByteBuffer? {
            while ready.isEmpty {
                guard !ended else {
                    finish.run()
                    return nil
                }
                do {
                    if let chunk = try await base.next() {
                        ready = try buffer.append(chunk.readableBytesView)
                    } else {
                        ended = true
                        if let last = buffer.finish() { ready = [last] }
                    }
                } catch {
                    finish.run()
                    throw error
                }
            }
            var event = ready.removeFirst()
            await hook(&event)
            return ByteBuffer(bytes: event.serialized)
        }
    }
}

/// Runs a closure once: at the end of the stream, or when the iterator is released early.
final class FinishOnce: Sendable {
    private let action: @Sendable () -> Void
    private let done = Atomic(false)

    init(_ action: @escaping @Sendable () -> Void) { self.action = action }

    func run() {
        if !done.exchange(true, ordering: .acquiringAndReleasing) { action() }
    }

    deinit { run() }
}
