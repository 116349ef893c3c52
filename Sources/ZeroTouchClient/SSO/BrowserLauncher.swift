public import Foundation

/// How the authorization URL reaches the user (RFC 8252 §6: native apps use the system browser).
public enum BrowserLauncher {
    /// Opens `url` in the system browser with `open` (macOS) or `xdg-open` (elsewhere).
    /// - Returns: whether the opener started.
    public static func openSystemBrowser(_ url: URL) -> Bool {
        #if os(macOS)
        let opener: String? = "/usr/bin/open"
        #else
        let opener = ["/usr/bin/xdg-open", "/usr/local/bin/xdg-open", "/bin/xdg-open"].first { FileManager.default.isExecutableFile(atPath: $0) }
        #endif
        guard let opener else { return false }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: opener)
        process.arguments = [url.absoluteString]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            try process.run()
            return true
        } catch {
            return false
        }
    }
}
