/// The console's Mustache templates (swift-mustache), embedded as string literals so that the installed
/// binary needs no resource bundle. `{{name}}` escapes HTML; the only unescaped insertion is the layout's
/// `{{{content}}}`, which is itself a rendered template.
enum ConsoleTemplates {
    /// Every template by name, for `ConsoleRenderer`.
    static var all: [String: String] {
        [
            "layout": layout, "message": message,
            "users": users, "user": user, "password": password, "groups": groups, "group": group,
            "servers": servers, "server": server, "clients": clients, "client": client, "secret": secret,
            "policies": policies, "policy": policy, "explain": explain, "matrix": matrix,
            "audit": audit, "keys": keys, "home": home,
        ]
    }

    static let layout = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>{{title}} · ZeroTouch admin</title><link rel="stylesheet" href="/admin/console.css"></head>
        <body><header><a class="brand" href="/admin">ZeroTouch admin</a><nav>
        <a href="/admin/users"{{#nav_directory}} aria-current="page"{{/nav_directory}}>Directory</a>
        <a href="/admin/servers"{{#nav_catalog}} aria-current="page"{{/nav_catalog}}>Catalog</a>
        <a href="/admin/policies"{{#nav_policies}} aria-current="page"{{/nav_policies}}>Policies</a>
        <a href="/admin/audit"{{#nav_audit}} aria-current="page"{{/nav_audit}}>Audit</a>
        <a href="/admin/keys"{{#nav_keys}} aria-current="page"{{/nav_keys}}>Keys</a></nav>
        {{#admin_name}}<form class="who" method="post" action="/logout"><input type="hidden" name="csrf_token" value="{{csrf}}">
        <span>{{admin_name}}</span> <button type="submit">Sign out</button></form>{{/admin_name}}</header>
        <main><h1>{{title}}</h1>
        {{#notice}}<p class="notice" role="status">{{notice}}</p>{{/notice}}
        {{#error}}<p class="error" role="alert">{{error}}</p>{{/error}}
        {{{content}}}</main></body></html>
        """

    static let message = """
        <p>{{text}}</p>{{#link}}<p><a href="{{href}}">{{label}}</a></p>{{/link}}
        {{#signout_csrf}}<form method="post" action="/logout"><input type="hidden" name="csrf_token" value="{{signout_csrf}}">
        <button type="submit">Sign out</button></form>{{/signout_csrf}}
        """

    static let home = """
        <div class="cards">
        <a class="card" href="/admin/users"><strong>{{user_count}}</strong> users</a>
        <a class="card" href="/admin/groups"><strong>{{group_count}}</strong> groups</a>
        <a class="card" href="/admin/servers"><strong>{{server_count}}</strong> MCP servers</a>
        <a class="card" href="/admin/clients"><strong>{{client_count}}</strong> clients</a>
        <a class="card" href="/admin/policies"><strong>{{rule_count}}</strong> policy rules</a>
        </div>
        <p>Signed in as {{admin_name}}; console access comes from membership in group <code>{{admin_group}}</code>.</p>
        """

    /// The console's only stylesheet, served at `/admin/console.css`.
    static let stylesheet = """
        *{box-sizing:border-box}body{font:15px/1.45 system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1d2330}
        header{display:flex;gap:1.5rem;align-items:center;background:#1d2330;color:#fff;padding:.6rem 1.5rem;flex-wrap:wrap}
        header a{color:#d8def0;text-decoration:none}header a[aria-current]{color:#fff;font-weight:600;border-bottom:2px solid #7aa2ff}
        .brand{font-weight:700;color:#fff}nav{display:flex;gap:1rem;flex:1}.who{display:flex;gap:.5rem;align-items:center;margin:0}
        .who button{margin:0;padding:.25rem .6rem}main{max-width:96rem;margin:1.5rem auto;padding:0 1.5rem}
        h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem}table{border-collapse:collapse;width:100%;background:#fff}
        th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #e2e5ea;vertical-align:top;overflow-wrap:anywhere}th{background:#eef0f4}
        form.inline{display:inline}fieldset{background:#fff;border:1px solid #d5d9e0;border-radius:6px;margin:1rem 0;padding:1rem}
        label{display:block;margin:.4rem 0 .1rem;font-weight:600}input,select,textarea{padding:.35rem;width:100%;max-width:32rem;font:inherit}
        input[type=checkbox]{width:auto}fieldset>button{display:block}button{padding:.4rem .9rem;margin-top:.6rem;font:inherit;cursor:pointer}
        .danger{background:#a40000;color:#fff;border:0;border-radius:4px}.error{color:#a40000;background:#fdecea;padding:.5rem;border-radius:4px}
        .notice{background:#e7f5e9;padding:.5rem;border-radius:4px}.secret{font:1.1rem monospace;background:#fff8d6;padding:.5rem}
        .allow{color:#136c2e;font-weight:600}.deny{color:#a40000;font-weight:600}.muted{color:#667}code{font-size:.9em}
        .cards{display:flex;gap:1rem;flex-wrap:wrap}.card{background:#fff;padding:1rem 1.5rem;border-radius:6px;color:inherit;text-decoration:none}
        .filters{display:flex;gap:.6rem;flex-wrap:wrap;align-items:end}.filters label{font-weight:400}.filters input,.filters select{width:11rem}.filters input[type=checkbox]{width:auto}
        .pager{margin:1rem 0;display:flex;gap:1rem}
        """
}
