/// A one-shot latch: `wait()` suspends until `open()` has been called. Lets a test hold a fake
/// fetcher or an HTTP handler "in flight" for as long as it needs, without sleeping.
actor Gate {
    private var isOpen = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func wait() async {
        guard !isOpen else { return }
        await withCheckedContinuation { waiters.append($0) }
    }

    func open() {
        isOpen = true
        for waiter in waiters { waiter.resume() }
        waiters.removeAll()
    }
}
