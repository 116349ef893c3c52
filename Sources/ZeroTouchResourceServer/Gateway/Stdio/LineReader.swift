import Foundation

/// Reads newline-delimited messages from a pipe on a dedicated thread (blocking reads never
/// occupy the cooperative pool), delivering them in order.
enum LineReader {
    /// One line, or the sign that a line passed the cap.
    enum Line: Sendable {
        case message(Data)
        case tooLarge
    }

    /// The lines of `handle` until end of file.
    static func lines(of handle: FileHandle, maximumLineBytes: Int) -> AsyncStream<Line> {
        let (stream, continuation) = AsyncStream.makeStream(of: Line.self)
        let thread = Thread {
            var buffer = Data()
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                buffer.append(chunk)
                while let newline = buffer.firstIndex(of: 0x0A) {
                    let line = buffer[buffer.startIndex..<newline]
                    buffer.removeSubrange(buffer.startIndex...newline)
                    if !line.isEmpty { continuation.yield(.message(Data(line))) }
                }
                if buffer.count > maximumLineBytes {
                    continuation.yield(.tooLarge)
                    break
                }
            }
            continuation.finish()
        }
        thread.start()
        return stream
    }
}
