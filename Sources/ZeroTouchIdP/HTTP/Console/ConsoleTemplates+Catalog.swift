extension ConsoleTemplates {
    static let catalogTabs = """
        <p><a href="/admin/servers">MCP servers</a> · <a href="/admin/clients">Clients</a></p>
        """

    static let serverFields = """
        <input type="hidden" name="csrf_token" value="{{csrf}}">
        <label for="name">Name</label><input id="name" name="name" required maxlength="200" value="{{name}}">
        <label for="description">Description</label><input id="description" name="description" maxlength="1000" value="{{description}}">
        <label for="resource">Resource identifier (RFC 9728)</label><input id="resource" name="resource" required maxlength="2048" value="{{resource}}">
        <label for="authorization_server">Authorization server issuer (the ID-JAG audience)</label>
        <input id="authorization_server" name="authorization_server" required maxlength="2048" value="{{authorization_server}}">
        <label for="scopes">Scopes, one per line: name, then an optional description</label>
        <textarea id="scopes" name="scopes" rows="4" maxlength="20000">{{scopes}}</textarea>
        <label for="id_jag_lifetime">ID-JAG lifetime in seconds (at most {{maximum_lifetime}}; empty: 300)</label>
        <input id="id_jag_lifetime" name="id_jag_lifetime" inputmode="numeric" maxlength="6" value="{{id_jag_lifetime}}">
        <label><input type="checkbox" name="includes_email"{{#includes_email}} checked{{/includes_email}}> Include the user's e-mail in ID-JAGs</label>
        """

    static let servers = catalogTabs + """
        <table><thead><tr><th>Name</th><th>Resource</th><th>Authorization server</th><th>Scopes</th><th>ID-JAG lifetime</th></tr></thead><tbody>
        {{#servers}}<tr><td><a href="/admin/servers/{{id}}">{{name}}</a></td><td><code>{{resource}}</code></td>
        <td><code>{{authorization_server}}</code></td><td>{{scopes}}</td><td>{{lifetime}} s</td></tr>{{/servers}}
        </tbody></table>
        <h2>Add an MCP server</h2>
        <form method="post" action="/admin/servers"><fieldset>
        """ + serverFields + """
        <button type="submit">Add server</button></fieldset></form>
        """

    static let server = catalogTabs + """
        <p class="muted">Id <code>{{id}}</code></p>
        <form method="post" action="/admin/servers/{{id}}"><fieldset>
        """ + serverFields + """
        <button type="submit">Save</button></fieldset></form>
        <form method="post" action="/admin/servers/{{id}}/delete"><input type="hidden" name="csrf_token" value="{{csrf}}">
        <button class="danger" type="submit">Delete server</button></form>
        <p class="muted">A server still named by a policy rule cannot be deleted.</p>
        """

    static let clientFields = """
        <input type="hidden" name="csrf_token" value="{{csrf}}">
        <label for="name">Name</label><input id="name" name="name" required maxlength="200" value="{{name}}">
        <label for="method">Token endpoint authentication (RFC 6749 §2.3)</label>
        <select id="method" name="method">{{#methods}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/methods}}</select>
        <label for="application_type">Application type</label>
        <select id="application_type" name="application_type">{{#types}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{value}}</option>{{/types}}</select>
        <label for="redirect_uris">Redirect URIs, one per line</label>
        <textarea id="redirect_uris" name="redirect_uris" rows="3" maxlength="20000">{{redirect_uris}}</textarea>
        <label for="jwks_uri">JWK Set URL (private_key_jwt)</label><input id="jwks_uri" name="jwks_uri" maxlength="2048" value="{{jwks_uri}}">
        <label for="jwks">Inline JWK Set (private_key_jwt)</label><textarea id="jwks" name="jwks" rows="3" maxlength="20000">{{jwks}}</textarea>
        <h2>client_id at each MCP server's authorization server (ID-JAG §5; empty: no ID-JAG for that server)</h2>
        <table><tbody>{{#mappings}}<tr><th><label for="map-{{server_id}}">{{server_name}}</label></th>
        <td><input id="map-{{server_id}}" name="server_client_id.{{server_id}}" maxlength="255" value="{{value}}"></td></tr>{{/mappings}}</tbody></table>
        <label><input type="checkbox" name="disabled"{{#disabled}} checked{{/disabled}}> Disabled</label>
        """

    static let clients = catalogTabs + """
        <table><thead><tr><th>client_id</th><th>Name</th><th>Authentication</th><th>client_id per server</th><th>Status</th></tr></thead><tbody>
        {{#clients}}<tr><td><a href="/admin/clients/{{id}}"><code>{{id}}</code></a></td><td>{{name}}</td><td>{{method}}</td><td>{{mapping}}</td>
        <td>{{#disabled}}<span class="deny">disabled</span>{{/disabled}}{{^disabled}}active{{/disabled}}</td></tr>{{/clients}}
        </tbody></table>
        <h2>Register a client</h2>
        <form method="post" action="/admin/clients"><fieldset>
        <label for="id">client_id</label><input id="id" name="id" required maxlength="255" value="{{client_id}}">
        """ + clientFields + """
        <button type="submit">Register client</button></fieldset></form>
        """

    static let client = catalogTabs + """
        <p class="muted">client_id <code>{{id}}</code></p>
        <form method="post" action="/admin/clients/{{id}}"><fieldset>
        """ + clientFields + """
        <button type="submit">Save</button></fieldset></form>
        {{#uses_secret}}<form method="post" action="/admin/clients/{{id}}/secret"><input type="hidden" name="csrf_token" value="{{csrf}}">
        <button type="submit">Rotate secret (the old one stops working at once)</button></form>{{/uses_secret}}
        <form method="post" action="/admin/clients/{{id}}/delete"><input type="hidden" name="csrf_token" value="{{csrf}}">
        <button class="danger" type="submit">Delete client</button></form>
        """

    static let secret = """
        <p>The secret of client <a href="/admin/clients/{{id}}"><code>{{id}}</code></a> is shown this once; only its hash is stored.</p>
        <p class="secret">{{secret}}</p><p><a href="/admin/clients/{{id}}">Continue</a></p>
        """
}
