extension ConsoleTemplates {
    static let policyTabs = """
        <p><a href="/admin/policies">Rules</a> · <a href="/admin/explain">Explain</a> · <a href="/admin/matrix">Matrix</a></p>
        """

    static let ruleFields = """
        <input type="hidden" name="csrf_token" value="{{csrf}}">
        <label for="name">Name</label><input id="name" name="name" required maxlength="200" value="{{name}}">
        <label for="effect">Effect</label><select id="effect" name="effect"><option value="allow"{{#allow}} selected{{/allow}}>allow</option>
        <option value="deny"{{#deny}} selected{{/deny}}>deny</option></select>
        <h2>Who</h2><label><input type="checkbox" name="everyone"{{#everyone}} checked{{/everyone}}> Everyone</label>
        {{#groups}}<label><input type="checkbox" name="group.{{value}}"{{#checked}} checked{{/checked}}> group {{label}}</label>{{/groups}}
        <label for="users">Users (usernames, one per line)</label><textarea id="users" name="users" rows="2" maxlength="20000">{{users}}</textarea>
        <h2>Where (none checked: every server)</h2>
        {{#servers}}<label><input type="checkbox" name="server.{{value}}"{{#checked}} checked{{/checked}}> {{label}}</label>{{/servers}}
        <h2>Through (none checked: every client)</h2>
        {{#clients}}<label><input type="checkbox" name="client.{{value}}"{{#checked}} checked{{/checked}}> {{label}} <code>{{value}}</code></label>{{/clients}}
        <label for="scopes">Scopes (space-separated; empty: all of the server's)</label>
        <input id="scopes" name="scopes" maxlength="4000" value="{{scopes}}">
        <h2>Conditions</h2>
        <label><input type="checkbox" name="requires_second_factor"{{#requires_second_factor}} checked{{/requires_second_factor}}> Second factor required</label>
        <label for="maximum_authentication_age">Signed in within (seconds; empty: any)</label>
        <input id="maximum_authentication_age" name="maximum_authentication_age" inputmode="numeric" maxlength="9" value="{{maximum_authentication_age}}">
        """

    static let policies = policyTabs + """
        <p class="muted">Default deny: a request is allowed only by a matching allow rule, and any matching deny rule wins.</p>
        <table><thead><tr><th>Rule</th><th>Effect</th><th>Who</th><th>Servers</th><th>Clients</th><th>Scopes</th><th>Conditions</th></tr></thead><tbody>
        {{#rules}}<tr><td><a href="/admin/policies/{{id}}">{{name}}</a><br><code class="muted">{{id}}</code></td>
        <td class="{{effect}}">{{effect}}</td><td>{{subjects}}</td><td>{{servers}}</td><td>{{clients}}</td><td>{{scopes}}</td><td>{{conditions}}</td></tr>{{/rules}}
        </tbody></table>
        <h2>Create a rule</h2>
        <form method="post" action="/admin/policies"><fieldset>
        """ + ruleFields + """
        <button type="submit">Create rule</button></fieldset></form>
        """

    static let policy = policyTabs + """
        <p class="muted">Id <code>{{id}}</code></p>
        <form method="post" action="/admin/policies/{{id}}"><fieldset>
        """ + ruleFields + """
        <button type="submit">Save</button></fieldset></form>
        <form method="post" action="/admin/policies/{{id}}/delete"><input type="hidden" name="csrf_token" value="{{csrf}}">
        <button class="danger" type="submit">Delete rule</button></form>
        """

    static let explain = policyTabs + """
        <form class="filters" method="get" action="/admin/explain">
        <div><label for="user">User</label><select id="user" name="user">{{#users}}<option{{#selected}} selected{{/selected}}>{{value}}</option>{{/users}}</select></div>
        <div><label for="client">Client</label><select id="client" name="client">
        {{#clients}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/clients}}</select></div>
        <div><label for="server">MCP server</label><select id="server" name="server">
        {{#servers}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/servers}}</select></div>
        <div><label for="scope">Scopes (empty: all allowed)</label><input id="scope" name="scope" maxlength="4000" value="{{scope}}"></div>
        <div><label for="age">Sign-in age (s)</label><input id="age" name="age" inputmode="numeric" maxlength="9" value="{{age}}"></div>
        <div><label><input type="checkbox" name="otp"{{#otp}} checked{{/otp}}> with a second factor</label></div>
        <button type="submit">Explain</button></form>
        {{#answer}}<h2 id="decision">Decision: <span class="{{decision}}">{{decision}}</span></h2>
        {{#allow}}<p>Granted scope: <code id="granted-scope">{{scope}}</code></p>{{/allow}}
        {{^allow}}<p>Reason <code>{{reason}}</code>; the token exchange would answer <code>{{error}}</code>.</p>{{/allow}}
        <p>Deciding rules: {{deciding}}</p>
        <table><thead><tr><th>Rule</th><th>Effect</th><th>Reaches the user</th><th>Outcome</th></tr></thead><tbody>
        {{#evaluations}}<tr><td><a href="/admin/policies/{{rule}}">{{name}}</a></td><td class="{{effect}}">{{effect}}</td><td>{{reached}}</td>
        <td>{{outcome}}</td></tr>{{/evaluations}}{{^evaluations}}<tr><td class="muted">No rule reaches this user: default deny.</td></tr>{{/evaluations}}
        </tbody></table>{{/answer}}
        """

    static let matrix = policyTabs + """
        <p class="muted">Scopes each group reaches at each server through group and everyone rules; * also depends on the client or on
        sign-in conditions. Rules naming single users are not shown; explain a user to see everything.</p>
        <table><thead><tr><th>Group</th>{{#servers}}<th><a href="/admin/servers/{{id}}">{{name}}</a></th>{{/servers}}</tr></thead><tbody>
        {{#rows}}<tr><th><a href="/admin/groups/{{group_id}}">{{group}}</a></th>
        {{#cells}}<td title="{{rules}}">{{#reaches}}<span class="allow">{{scopes}}</span>{{/reaches}}{{^reaches}}<span class="muted">{{scopes}}</span>{{/reaches}}</td>{{/cells}}</tr>{{/rows}}
        </tbody></table>
        """
}
