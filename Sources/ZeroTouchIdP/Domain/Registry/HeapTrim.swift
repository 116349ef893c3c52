/// Returns the heap freed by a full directory load to the operating system.
///
/// Loading the directory decodes every document into temporaries that are freed right after, but
/// glibc keeps the freed pages: at 100 000 users a third of the IdP's resident size was such free heap
/// (BENCHMARKS.md, "Memory"). `malloc_trim(0)` hands it back. It runs after full reloads only (start
/// and another process's change), never on the request path; elsewhere than Linux it does nothing.
enum HeapTrim {
    static func releaseFreedMemory() {
        #if os(Linux)
        _ = glibcMallocTrim(0)
        #endif
    }
}

#if os(Linux)
/// glibc's `int malloc_trim(size_t pad)` (`<malloc.h>`, which the Glibc module does not export).
@_silgen_name("malloc_trim")
private func glibcMallocTrim(_ pad: Int) -> Int32
#endif
