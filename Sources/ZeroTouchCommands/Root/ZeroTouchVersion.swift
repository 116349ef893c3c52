/// The version of this ZeroTouch build, reported by `zerotouch version` and `--version`.
public enum ZeroTouchVersion {
    /// Semantic version (SemVer 2.0.0); `-dev` until the first release.
    public static let current = "0.1.0-dev"
}
