import ZeroTouchCommands

/// Reads what `zerotouch dev` prints on a first run: the password of each account, from the table
/// `  <user>  <password>  <group>  <access>`.
enum BannerParser {
    static func passwords(in banner: String) -> [String: String] {
        var passwords: [String: String] = [:]
        for line in banner.split(separator: "\n") {
            let words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard words.count >= 3, let account = DevOrganization.account(words[0]), words[2] == account.group.rawValue else { continue }
            passwords[account.username] = words[1]
        }
        return passwords
    }
}
