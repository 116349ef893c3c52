public import Foundation
public import ZeroTouchCore

extension SettingsReader {
    /// An integer within `range`; required unless `default` is given.
    /// Problems read `must be 0…65535` or `must be an integer 0…65535`.
    public mutating func int(_ key: String, in range: ClosedRange<Int>, default defaultValue: Int? = nil) -> Int {
        let bounds = "\(range.lowerBound)…\(range.upperBound)"
        return read(key, default: defaultValue, placeholder: defaultValue ?? range.lowerBound, display: { String($0) }) { text in
            guard let value = Int(text) else { return .failure("must be an integer \(bounds)") }
            return range.contains(value) ? .success(value) : .failure("must be \(bounds)")
        }
    }

    /// A duration within `range`, written as a number with a unit: `250ms`, `30s`, `5m`, `2h`
    /// (a bare number means seconds); required unless `default` is given.
    public mutating func duration(
        _ key: String, in range: ClosedRange<Duration>, default defaultValue: Duration? = nil
    ) -> Duration {
        let bounds = "\(Self.format(range.lowerBound))…\(Self.format(range.upperBound))"
        return read(key, default: defaultValue, placeholder: defaultValue ?? range.lowerBound, display: Self.format) { text in
            guard let value = Self.parseDuration(text) else {
                return .failure("must be a duration such as 30s or 5m, within \(bounds)")
            }
            return range.contains(value) ? .success(value) : .failure("must be within \(bounds)")
        }
    }

    /// One of an enumeration's raw values (compared case-insensitively); required unless
    /// `default` is given. Problems list the allowed values.
    public mutating func choice<Choice: RawRepresentable & CaseIterable>(
        _ key: String, default defaultValue: Choice? = nil
    ) -> Choice where Choice.RawValue == String {
        let allowed = Choice.allCases.map(\.rawValue)
        let placeholder = defaultValue ?? Choice.allCases.first!
        return read(key, default: defaultValue, placeholder: placeholder, display: \.rawValue) { text in
            if let match = Choice.allCases.first(where: { $0.rawValue.lowercased() == text.lowercased() }) {
                return .success(match)
            }
            return .failure("must be one of: \(allowed.joined(separator: ", "))")
        }
    }

    /// An issuer or endpoint URL allowed by `policy` (https, or http on loopback only, unless the
    /// insecure flag is set; decisions X-11); required unless `default` is given.
    public mutating func url(_ key: String, policy: EndpointPolicy, default defaultValue: String? = nil) -> URL {
        let fallback = defaultValue.flatMap { try? policy.check($0) }
        return read(key, default: fallback, placeholder: URL(string: "about:blank")!, display: \.absoluteString) { text in
            do throws(EndpointPolicy.Violation) {
                return .success(try policy.check(text))
            } catch {
                return .failure(Self.describe(error))
            }
        }
    }

    /// An optional issuer or endpoint URL allowed by `policy` (decisions X-11).
    public mutating func optionalURL(_ key: String, policy: EndpointPolicy) -> URL? {
        readOptional(key, display: \.absoluteString) { text in
            do throws(EndpointPolicy.Violation) {
                return .success(try policy.check(text))
            } catch {
                return .failure(Self.describe(error))
            }
        }
    }

    /// A violation described without echoing the URL, which might carry credentials.
    static func describe(_ violation: EndpointPolicy.Violation) -> ParseFailure {
        switch violation {
        case .notAnAbsoluteURL: "must be an absolute https URL"
        case .insecureScheme:
            "must use https (http is allowed only for loopback hosts unless security.allow_insecure_http is true)"
        case .hasFragment: "must not have a fragment"
        case .hasCredentials: ParseFailure("must not contain user credentials", hideValue: true)
        }
    }

    /// Parses `250ms`, `30s`, `5m`, `2h` or a bare number of seconds.
    static func parseDuration(_ text: String) -> Duration? {
        let units: [(suffix: String, seconds: Int64, milliseconds: Bool)] = [
            ("ms", 0, true), ("s", 1, false), ("m", 60, false), ("h", 3600, false),
        ]
        for unit in units where text.hasSuffix(unit.suffix) {
            guard let number = Int64(text.dropLast(unit.suffix.count)), number >= 0 else { return nil }
            if unit.milliseconds { return .milliseconds(number) }
            let (seconds, overflow) = number.multipliedReportingOverflow(by: unit.seconds)
            return overflow ? nil : .seconds(seconds)
        }
        guard let seconds = Int64(text), seconds >= 0 else { return nil }
        return .seconds(seconds)
    }

    /// `2h`, `5m`, `30s` or `250ms`: the largest unit that divides the duration.
    static func format(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        guard attoseconds == 0 else { return "\(seconds * 1000 + attoseconds / 1_000_000_000_000_000)ms" }
        if seconds != 0, seconds % 3600 == 0 { return "\(seconds / 3600)h" }
        if seconds != 0, seconds % 60 == 0 { return "\(seconds / 60)m" }
        return "\(seconds)s"
    }
}
