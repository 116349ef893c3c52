import Foundation
import Hummingbird
import Logging
import ZeroTouchAS
import ZeroTouchIdP
import ZeroTouchStorage
import ZeroTouchServer

extension DevEnvironmentParts {
    /// Every listener, each reporting to `monitor` once bound.
    /// - Throws: what building an application throws.
    func listeners(monitor: StartupMonitor, logger: Logger) async throws -> [DevListener] {
        let ports = topology.ports
        let idpRole = "identity provider"
        let identityProviderApp = try buildIdentityProvider(
            identityProvider, server: .init(host: DevTopology.host, port: ports.identityProvider), logger: logger
        ) { port in monitor.listening(idpRole, port: port) }
        var listeners = [
            DevListener(role: idpRole, service: identityProviderApp),
            DevListener(role: Self.authorizationServerRole, service: authorizationServer.application),
        ]
        listeners += try await resourceServerListeners(monitor: monitor, logger: logger)
        let notesRole = "notes upstream"
        let notes = NotesServer(fileURL: dataDirectory.url.appendingPathComponent("notes.json"), clock: clock)
        let notesApp = try notes.makeApplication(
            builder: ApplicationBuilder(server: .init(host: DevTopology.host, port: ports.notesUpstream), logger: logger) { port in
                monitor.listening(notesRole, port: port)
            })
        listeners.append(DevListener(role: notesRole, service: notesApp))
        return listeners
    }
}
