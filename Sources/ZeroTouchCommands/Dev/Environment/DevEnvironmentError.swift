/// Why a dev environment could not start.
public enum DevEnvironmentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The data directory was seeded for other ports; its catalog and trust name those.
    case portsDiffer(seeded: DevPorts, requested: DevPorts)
    /// The ports are out of range or repeated.
    case invalidPorts(DevPorts)
    /// The data directory holds IdP or authorization-server data but no complete dev organization.
    case partialOrganization(path: String)
    /// Another process listens on one of the ports.
    case portInUse(role: String, port: Int)
    /// No free loopback ports could be found.
    case noFreePorts
    /// A listener did not come up.
    case listenerFailed(role: String, reason: String)
    /// A listener did not answer `/healthz` in time.
    case notReady(role: String, url: String)

    /// What went wrong and what to do about it.
    public var description: String {
        switch self {
        case .portsDiffer(let seeded, let requested):
            "this data directory was seeded for ports \(seeded), not \(requested): the catalog and the trust name those URLs. "
                + "Start without port options, or use another --data-dir."
        case .invalidPorts(let ports): "the ports \(ports) must be distinct and in 1-65535"
        case .partialOrganization(let path):
            "\(path) holds ZeroTouch data but no complete dev organization (an interrupted first run, or data of 'zerotouch idp'/'as'). "
                + "Remove the directory or use another --data-dir."
        case .portInUse(let role, let port):
            "port \(port) (the \(role)) is in use on 127.0.0.1: stop what holds it, or use another --base-port "
                + "(a directory already seeded keeps its ports: give it a new --data-dir)"
        case .noFreePorts: "no free ports on 127.0.0.1"
        case .listenerFailed(let role, let reason): "the \(role) could not start: \(reason)"
        case .notReady(let role, let url): "the \(role) at \(url) did not become ready"
        }
    }
}
