import Testing
import ZeroTouchClient

/// `text/event-stream` parsing (HTML Living Standard §9.2.6).
@Suite("Server-sent events")
struct ServerSentEventParserTests {
    @Test("dispatches on blank lines with LF, CRLF and CR line ends, joining data lines")
    func lineEnds() throws {
        var parser = ServerSentEventParser()
        let events = try parser.feed(Array("data: a\ndata: b\n\nevent: x\r\ndata: c\r\n\r\ndata:d\r\r".utf8))
        #expect(events == [
            ServerSentEvent(data: "a\nb"), ServerSentEvent(type: "x", data: "c"), ServerSentEvent(data: "d"),
        ])
    }

    @Test("handles a CRLF split across chunks and bytes arriving one at a time")
    func chunkBoundaries() throws {
        var parser = ServerSentEventParser()
        var events: [ServerSentEvent] = []
        for byte in "id: 7\r\ndata: {\"x\":1}\r\n\r\n".utf8 { events += try parser.feed([byte]) }
        #expect(events == [ServerSentEvent(data: #"{"x":1}"#, id: "7")])
    }

    @Test("ignores comments, unknown fields, events without data, and a trailing unterminated event")
    func ignored() throws {
        var parser = ServerSentEventParser()
        let events = try parser.feed(Array(": ping\n\nfoo: bar\nevent: empty\n\nretry: 1000\ndata: ok\n\ndata: never".utf8))
        #expect(events == [ServerSentEvent(data: "ok", retry: 1000)])
    }

    @Test("drops a leading byte order mark")
    func byteOrderMark() throws {
        var parser = ServerSentEventParser()
        #expect(try parser.feed([0xEF, 0xBB, 0xBF] + Array("data: x\n\n".utf8)) == [ServerSentEvent(data: "x")])
    }

    @Test("refuses an event larger than the cap")
    func cap() {
        var parser = ServerSentEventParser(maximumEventBytes: 16)
        #expect(throws: ServerSentEventParser.EventTooLarge(limit: 16)) {
            _ = try parser.feed(Array("data: 0123456789abcdef\n\n".utf8))
        }
    }
}
