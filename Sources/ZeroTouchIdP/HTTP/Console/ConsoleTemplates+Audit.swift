extension ConsoleTemplates {
    static let audit = """
        <form class="filters" method="get" action="/admin/audit">
        <div><label for="user">User</label><input id="user" name="user" maxlength="200" value="{{user}}" placeholder="username"></div>
        <div><label for="server">MCP server</label><select id="server" name="server"><option value="">any</option>
        {{#servers}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/servers}}</select></div>
        <div><label for="client">Client</label><select id="client" name="client"><option value="">any</option>
        {{#clients}}<option value="{{value}}"{{#selected}} selected{{/selected}}>{{label}}</option>{{/clients}}</select></div>
        <div><label for="outcome">Outcome</label><select id="outcome" name="outcome"><option value="">any</option>
        {{#outcomes}}<option{{#selected}} selected{{/selected}}>{{value}}</option>{{/outcomes}}</select></div>
        <div><label for="event">Event</label><select id="event" name="event"><option value="">any</option>
        {{#events}}<option{{#selected}} selected{{/selected}}>{{value}}</option>{{/events}}</select></div>
        <div><label for="since">Since (UTC)</label><input id="since" name="since" type="datetime-local" value="{{since}}"></div>
        <div><label for="until">Until (UTC)</label><input id="until" name="until" type="datetime-local" value="{{until}}"></div>
        <div><label for="trail">Grant trail (jti)</label><input id="trail" name="trail" maxlength="200" value="{{trail}}"></div>
        <button type="submit">Filter</button> <a href="/admin/audit">Clear</a> <a id="export" href="{{export}}">Export CSV</a></form>
        <p class="muted">{{count}} records{{#is_trail}}: the grant's decision, its redemption and the calls made with the token{{/is_trail}}</p>
        <table id="audit"><thead><tr><th>Time</th><th>Service</th><th>Event</th><th>Outcome</th><th>Actor</th><th>User</th><th>Client</th>
        <th>Resource</th><th>Scope</th><th>jti / follows</th><th>Reason, details</th></tr></thead><tbody>
        {{#records}}<tr><td>{{time}}</td><td>{{service}}</td><td>{{event}}</td>
        <td class="{{#good}}allow{{/good}}{{^good}}deny{{/good}}">{{outcome}}</td><td>{{actor}}</td><td>{{subject}}</td><td>{{client}}</td>
        <td>{{resource}}</td><td>{{scope}}</td>
        <td>{{#jti}}<a href="/admin/audit?trail={{jti}}"><code>{{jti}}</code></a>{{/jti}}{{#correlation}}<br>← <code>{{correlation}}</code>{{/correlation}}</td>
        <td>{{reason}} <span class="muted">{{details}}</span></td></tr>{{/records}}
        </tbody></table>
        <p class="pager">{{#newest}}<a href="{{newest}}">Newest</a>{{/newest}}{{#older}}<a href="{{older}}">Older records</a>{{/older}}</p>
        """

    static let keys = """
        <p>The IdP signs ID tokens and ID-JAGs (ES256) with the signing key; verifiers fetch <a href="/jwks">/jwks</a>.
        A rotation publishes a new key at once, which signs after {{activation_delay}} s; the old key stays published for {{retiring_for}} s after that.</p>
        <table><thead><tr><th>kid</th><th>Algorithm</th><th>Stage</th><th>Signs from</th><th>Retired</th><th>Published until</th></tr></thead><tbody>
        {{#keys}}<tr><td><code>{{kid}}</code></td><td>{{algorithm}}</td><td class="{{#signing}}allow{{/signing}}">{{stage}}</td><td>{{from}}</td>
        <td>{{retired}}</td><td>{{until}}</td></tr>{{/keys}}</tbody></table>
        <form method="post" action="/admin/keys/rotate"><input type="hidden" name="csrf_token" value="{{csrf}}">
        <button type="submit">Rotate signing key</button></form>
        """
}
