import Metrics
import Prometheus

/// The process-wide swift-metrics backend: one Prometheus registry, bootstrapped once.
///
/// `MetricsSystem.bootstrap` may run only once per process, and tests build many applications
/// in one process, so the registry is a lazily initialized `static let`: the first use bootstraps
/// swift-metrics with `PrometheusMetricsFactory` over it; later uses share it. If something else
/// already installed a `PrometheusMetricsFactory`, its registry is reused instead; if another
/// backend is installed, metrics go there and `/metrics` shows only what this registry holds.
public enum ProcessMetrics {
    private static let registry: PrometheusCollectorRegistry = {
        if let existing = MetricsSystem.factory as? PrometheusMetricsFactory {
            return existing.registry
        }
        let registry = PrometheusCollectorRegistry()
        if MetricsSystem.factory is NOOPMetricsHandler {
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: registry))
        }
        return registry
    }()

    /// Makes sure swift-metrics reports to the shared registry. Idempotent.
    public static func bootstrap() {
        _ = registry
    }

    /// Every metric of the process in the Prometheus text exposition format (version 0.0.4).
    public static func exposition() -> String {
        registry.emitToString()
    }
}
