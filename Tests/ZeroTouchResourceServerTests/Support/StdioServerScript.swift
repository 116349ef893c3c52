import Foundation

/// A tiny stdio MCP server in Python, written to a temporary directory at test time: it answers
/// `initialize`, `tools/list` and `tools/call` (`whoami` reports the identity environment the
/// gateway set and whether any other `ZEROTOUCH_*` variable leaked; `fail` is a tool error),
/// ignores notifications, and exits at end of input.
enum StdioServerScript {
    static let source = #"""
    import json, os, sys

    def reply(message_id, result):
        sys.stdout.write(json.dumps({"jsonrpc": "2.0", "id": message_id, "result": result}) + "\n")
        sys.stdout.flush()

    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        message = json.loads(line)
        method = message.get("method")
        if "id" not in message or method is None:
            continue
        if method == "initialize":
            reply(message["id"], {"protocolVersion": message["params"]["protocolVersion"], "capabilities": {"tools": {}},
                                  "serverInfo": {"name": "stdio-upstream", "version": "0.1.0"}})
        elif method == "tools/list":
            reply(message["id"], {"tools": [{"name": "whoami", "inputSchema": {"type": "object"}},
                                            {"name": "fail", "inputSchema": {"type": "object"}}]})
        elif method == "tools/call":
            name = message["params"]["name"]
            if name == "whoami":
                leaked = sorted(k for k in os.environ if k.startswith("ZEROTOUCH_") and not k.startswith("ZEROTOUCH_GATEWAY_"))
                text = "user=%s client=%s leaked=%s" % (os.environ.get("ZEROTOUCH_GATEWAY_USER"),
                                                       os.environ.get("ZEROTOUCH_GATEWAY_CLIENT_ID"), ",".join(leaked) or "none")
                reply(message["id"], {"content": [{"type": "text", "text": text}]})
            else:
                reply(message["id"], {"content": [{"type": "text", "text": "boom"}], "isError": True})
        else:
            sys.stdout.write(json.dumps({"jsonrpc": "2.0", "id": message["id"], "error": {"code": -32601, "message": "unknown"}}) + "\n")
            sys.stdout.flush()
    """#

    /// Writes the script to a new temporary directory and returns its path.
    static func write() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("zt-stdio-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let path = directory.appendingPathComponent("server.py").path
        try Data(source.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }
}
