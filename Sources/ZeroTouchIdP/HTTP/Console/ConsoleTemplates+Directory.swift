extension ConsoleTemplates {
    static let directoryTabs = """
        <p><a href="/admin/users">Users</a> · <a href="/admin/groups">Groups</a></p>
        """

    static let users = directoryTabs + """
        <form class="filters" method="get" action="/admin/users"><div><label for="q">Search</label>
        <input id="q" name="q" value="{{q}}" maxlength="200" placeholder="username, name or e-mail"></div><button type="submit">Search</button></form>
        <p class="muted">{{count}} users</p>
        <table><thead><tr><th>Username</th><th>Name</th><th>E-mail</th><th>Groups</th><th>Status</th></tr></thead><tbody>
        {{#users}}<tr><td><a href="/admin/users/{{id}}">{{username}}</a></td><td>{{display_name}}</td><td>{{email}}</td><td>{{groups}}</td>
        <td>{{#suspended}}<span class="deny">suspended</span>{{/suspended}}{{^suspended}}active{{/suspended}}{{#second_factor}} · TOTP{{/second_factor}}</td></tr>{{/users}}
        </tbody></table>
        <h2>Create a user</h2>
        <form method="post" action="/admin/users"><fieldset><input type="hidden" name="csrf_token" value="{{csrf}}">
        <label for="username">Username</label><input id="username" name="username" required maxlength="200" value="{{username}}">
        <label for="display_name">Display name</label><input id="display_name" name="display_name" required maxlength="200" value="{{display_name}}">
        <label for="email">E-mail (optional)</label><input id="email" name="email" type="email" maxlength="254" value="{{email}}">
        <label for="password">Password (empty: generate one, shown once)</label>
        <input id="password" name="password" type="password" autocomplete="new-password" maxlength="72">
        <button type="submit">Create user</button></fieldset></form>
        """

    static let user = directoryTabs + """
        <table><tbody><tr><th>Id</th><td><code>{{id}}</code></td></tr><tr><th>Username</th><td>{{username}}</td></tr>
        <tr><th>Name</th><td>{{display_name}}</td></tr><tr><th>E-mail</th><td>{{email}}</td></tr>
        <tr><th>Status</th><td>{{#suspended}}<span class="deny">suspended</span>{{/suspended}}{{^suspended}}active{{/suspended}}</td></tr>
        <tr><th>Second factor</th><td>{{#second_factor}}TOTP enrolled{{/second_factor}}{{^second_factor}}none{{/second_factor}}</td></tr>
        <tr><th>Created</th><td>{{created}}</td></tr></tbody></table>
        <h2>Groups</h2>
        <table><tbody>{{#groups}}<tr><td><a href="/admin/groups/{{id}}">{{name}}</a></td><td>
        <form class="inline" method="post" action="/admin/users/{{user_id}}/groups/remove"><input type="hidden" name="csrf_token" value="{{csrf}}">
        <input type="hidden" name="group_id" value="{{id}}"><button type="submit">Remove</button></form></td></tr>{{/groups}}
        {{^groups}}<tr><td class="muted">In no group.</td></tr>{{/groups}}</tbody></table>
        <form method="post" action="/admin/users/{{id}}/groups/add"><input type="hidden" name="csrf_token" value="{{csrf}}">
        <label for="group_id">Add to group</label><select id="group_id" name="group_id">{{#other_groups}}<option value="{{id}}">{{name}}</option>{{/other_groups}}</select>
        <button type="submit">Add</button></form>
        <h2>Account</h2>
        {{#suspended}}<form method="post" action="/admin/users/{{id}}/reactivate"><input type="hidden" name="csrf_token" value="{{csrf}}">
        <button type="submit">Reactivate</button></form>{{/suspended}}
        {{^suspended}}<form method="post" action="/admin/users/{{id}}/suspend"><input type="hidden" name="csrf_token" value="{{csrf}}">
        <button class="danger" type="submit">Suspend (no sign-in, no new grants)</button></form>{{/suspended}}
        <form method="post" action="/admin/users/{{id}}/password"><input type="hidden" name="csrf_token" value="{{csrf}}">
        <button type="submit">Reset password (shows a new one once)</button></form>
        """

    static let password = """
        <p>The password of <a href="/admin/users/{{id}}">{{username}}</a> is shown this once; only its bcrypt hash is stored.</p>
        <p class="secret" id="generated-password">{{password}}</p>
        <p><a href="/admin/users/{{id}}">Continue to {{username}}</a></p>
        """

    static let groups = directoryTabs + """
        <table><thead><tr><th>Name</th><th>Description</th><th>Members</th></tr></thead><tbody>
        {{#groups}}<tr><td><a href="/admin/groups/{{id}}">{{name}}</a></td><td>{{description}}</td><td>{{members}}</td></tr>{{/groups}}
        </tbody></table>
        <h2>Create a group</h2>
        <form method="post" action="/admin/groups"><fieldset><input type="hidden" name="csrf_token" value="{{csrf}}">
        <label for="name">Name</label><input id="name" name="name" required maxlength="200" value="{{name}}">
        <label for="description">Description</label><input id="description" name="description" maxlength="1000" value="{{description}}">
        <button type="submit">Create group</button></fieldset></form>
        """

    static let group = directoryTabs + """
        <p>{{description}}</p><p class="muted">Id <code>{{id}}</code>, created {{created}}</p>
        <h2>Members</h2>
        <table><tbody>{{#members}}<tr><td><a href="/admin/users/{{user_id}}">{{username}}</a></td><td>{{display_name}}</td><td>
        <form class="inline" method="post" action="/admin/groups/{{group_id}}/members/remove"><input type="hidden" name="csrf_token" value="{{csrf}}">
        <input type="hidden" name="user_id" value="{{user_id}}"><button type="submit">Remove</button></form></td></tr>{{/members}}
        {{^members}}<tr><td class="muted">No members.</td></tr>{{/members}}</tbody></table>
        <form method="post" action="/admin/groups/{{id}}/members/add"><input type="hidden" name="csrf_token" value="{{csrf}}">
        <label for="username">Add a member by username</label><input id="username" name="username" required maxlength="200">
        <button type="submit">Add member</button></form>
        <h2>Delete</h2>
        <form method="post" action="/admin/groups/{{id}}/delete"><input type="hidden" name="csrf_token" value="{{csrf}}">
        <button class="danger" type="submit">Delete group {{name}}</button></form>
        <p class="muted">A group still named by a policy rule cannot be deleted.</p>
        """
}
