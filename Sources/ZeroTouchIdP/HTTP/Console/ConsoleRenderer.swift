import HTTPTypes
import Hummingbird
import Mustache

/// Renders console pages from `ConsoleTemplates` with swift-mustache: the page's template, then the
/// layout around it. Every value goes through Mustache's HTML escaping (`{{…}}`).
struct ConsoleRenderer: Sendable {
    /// The console's sections, for the navigation bar.
    enum Section: String, Sendable {
        case home, directory, catalog, policies, audit, keys
    }

    private let library: MustacheLibrary

    /// The templates are compiled once; they are constants, so a parse error is a programming error.
    static let shared = ConsoleRenderer()

    private init() {
        var templates: [String: MustacheTemplate] = [:]
        for (name, text) in ConsoleTemplates.all {
            do {
                templates[name] = try MustacheTemplate(string: text)
            } catch {
                preconditionFailure("console template '\(name)' does not parse: \(error)")
            }
        }
        library = MustacheLibrary(templates: templates)
    }

    /// A page: `template` rendered with `values`, inside the layout.
    /// - Parameters:
    ///   - admin: the signed-in admin (name and CSRF token in the header), or `nil` on refusal pages.
    ///   - notice: a confirmation; `error`: what was wrong with the submitted form.
    func page(
        _ template: String, title: String, section: Section, admin: ConsoleAdmin?, values: [String: Any] = [:], notice: String? = nil,
        error: String? = nil, status: HTTPResponse.Status = .ok
    ) -> Response {
        var values = values
        values["csrf"] = admin?.csrfToken ?? ""
        let content = library.render(values, withTemplate: template) ?? ""
        var layout: [String: Any] = ["title": title, "content": content, "nav_\(section.rawValue)": true]
        if let admin {
            layout["admin_name"] = admin.user.username
            layout["csrf"] = admin.csrfToken
        }
        if let notice { layout["notice"] = notice }
        if let error { layout["error"] = error }
        return ConsoleResponse.html(library.render(layout, withTemplate: "layout") ?? "", status: status)
    }

    /// A page with a single message, for refusals and errors.
    func message(
        title: String, text: String, admin: ConsoleAdmin? = nil, link: (href: String, label: String)? = nil, status: HTTPResponse.Status
    ) -> Response {
        var values: [String: Any] = ["text": text]
        if let link { values["link"] = ["href": link.href, "label": link.label] }
        return page("message", title: title, section: .home, admin: admin, values: values, status: status)
    }
}
