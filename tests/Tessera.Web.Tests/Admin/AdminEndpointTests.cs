using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Core.Access;

namespace Tessera.Web.Tests.Admin;

/// <summary>The administration API: the administrator changes the directory and every change leaves its audit entry; anyone
/// else gets 403 on every endpoint, whatever they send, and changes nothing; hostile input gets 400 naming the field.</summary>
public sealed class AdminEndpointTests
{
    [Theory]
    [MemberData(nameof(TestHost.Providers), MemberType = typeof(TestHost))]
    public async Task Administrator_EveryChange_TakesEffectAndLeavesItsAuditEntry(string provider)
    {
        await using var host = await TestHost.StartAsync(provider);
        var admin = await host.AsAsync("admin");

        async Task<JsonElement> Expect(HttpStatusCode status, Task<HttpResponseMessage> call, string action)
        {
            var before = await host.Store.Audit.CountAsync();
            using var response = await call;
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(status == response.StatusCode, $"{action}: {(int)response.StatusCode} {body}");
            // The entry is committed with the change; read the newest entries until it shows (at most 5 s on a busy machine).
            var written = new List<Core.Audit.AuditEntry>();
            for (var attempt = 0; attempt < 50 && !written.Any(e => e.Action == action && e.Actor == "admin" && e.Outcome == "ok"); attempt++)
            {
                if (attempt > 0)
                {
                    await Task.Delay(100);
                }

                written.Clear();
                await foreach (var e in host.Store.Audit.ReadAsync(Math.Max(1, before - 2)))
                {
                    written.Add(e);
                }
            }

            Assert.True(written.Any(e => e.Action == action && e.Actor == "admin" && e.Outcome == "ok"),
                $"{action}: audited {string.Join(", ", written.Select(e => e.Action + "/" + e.Actor + "/" + e.Outcome))}");
            return body.Length > 0 ? JsonDocument.Parse(body).RootElement.Clone() : default;
        }

        await Expect(HttpStatusCode.Created, admin.PostAsJsonAsync("/api/v1/admin/organisations", new { code = "HR", name = "Croatia — Border Police", country = "HR", kind = "member-state" }), "organisation.add");
        var user = await Expect(HttpStatusCode.Created, admin.PostAsJsonAsync("/api/v1/admin/users", new { name = "hr.analyst", organisation = "HR", roles = new[] { "analyst" } }), "user.add");
        var password = user.GetProperty("password").GetString()!;
        Assert.Equal(SignInOutcome.Ok, (await host.Store.Directory.AttemptSignInAsync("hr.analyst", password)).Outcome);
        await Expect(HttpStatusCode.NoContent, admin.PutAsJsonAsync("/api/v1/admin/users/hr.analyst/roles", new { roles = new[] { "analyst", "supervisor" } }), "user.roles");
        var token = await Expect(HttpStatusCode.Created, admin.PostAsJsonAsync("/api/v1/admin/users/hr.analyst/tokens", new { label = "nightly import", expiresDays = 30 }), "token.create");
        using var asHr = host.Anonymous();
        asHr.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("token").GetString());
        Assert.Equal(HttpStatusCode.OK, (await asHr.GetAsync(new Uri("/api/v1/account/tokens", UriKind.Relative))).StatusCode);
        var id = token.GetProperty("details").GetProperty("id").GetString();
        await Expect(HttpStatusCode.NoContent, admin.DeleteAsync(new Uri($"/api/v1/admin/users/hr.analyst/tokens/{id}", UriKind.Relative)), "token.revoke");
        Assert.Equal(HttpStatusCode.Unauthorized, (await asHr.GetAsync(new Uri("/api/v1/account/tokens", UriKind.Relative))).StatusCode);
        await Expect(HttpStatusCode.Created, admin.PostAsJsonAsync("/api/v1/admin/cases", new { id = "OP-ADRIA", title = "Adriatic crossings", owner = "HR", members = new[] { "IT" } }), "case.add");
        await Expect(HttpStatusCode.NoContent, admin.PostAsJsonAsync("/api/v1/admin/cases/OP-ADRIA/members", new { organisation = "GR" }), "case.member.add");
        await Expect(HttpStatusCode.NoContent, admin.DeleteAsync(new Uri("/api/v1/admin/cases/OP-ADRIA/members/IT", UriKind.Relative)), "case.member.remove");
        await Expect(HttpStatusCode.NoContent, admin.PostAsync(new Uri("/api/v1/admin/users/hr.analyst/disable", UriKind.Relative), null), "user.disable");
        await Expect(HttpStatusCode.NoContent, admin.PostAsync(new Uri("/api/v1/admin/users/hr.analyst/enable", UriKind.Relative), null), "user.enable");
        var reset = await Expect(HttpStatusCode.OK, admin.PostAsJsonAsync("/api/v1/admin/users/hr.analyst/password", new { }), "user.passwd");
        Assert.NotEqual(password, reset.GetProperty("password").GetString());
        await Expect(HttpStatusCode.NoContent, admin.PostAsync(new Uri("/api/v1/admin/users/hr.analyst/unlock", UriKind.Relative), null), "user.unlock");
        await Expect(HttpStatusCode.NoContent, admin.PutAsJsonAsync("/api/v1/admin/hub", new { organisation = "EU-HUB" }), "platform.hub");

        var accounts = await admin.GetFromJsonAsync<JsonElement>("/api/v1/admin/users");
        var hr = accounts.EnumerateArray().Single(a => a.GetProperty("name").GetString() == "hr.analyst");
        Assert.Equal("analyst,supervisor", string.Join(',', hr.GetProperty("roles").EnumerateArray().Select(r => r.GetString())));
        Assert.Equal(("HR", false), (hr.GetProperty("organisation").GetString(), hr.GetProperty("disabled").GetBoolean()));
        var adria = (await host.Store.Directory.CasesAsync()).Single(c => c.Id == "OP-ADRIA");
        Assert.Equal(["GR", "HR"], adria.Members.Order(StringComparer.Ordinal));
        Assert.True((await host.Store.Audit.VerifyAsync()).Intact);
    }

    [Theory]
    [InlineData("it.analyst")]
    [InlineData("it.supervisor")]
    [InlineData("hub.analyst")]
    [InlineData("auditor")]
    [InlineData("policy.officer")]
    public async Task EveryAdminEndpoint_AnyoneButTheAdministrator_Gets403AuditedAndChangesNothing(string user)
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync(user);
        var endpoints = AdminEndpoints(host);
        var before = await DirectoryTextAsync(host);

        Assert.True(endpoints.Count >= 15, string.Join(", ", endpoints));
        foreach (var (method, pattern) in endpoints)
        {
            var path = pattern.Replace("{name}", "it.analyst", StringComparison.Ordinal).Replace("{id}", "OP-ZUWARA", StringComparison.Ordinal)
                .Replace("{organisation}", "MT", StringComparison.Ordinal);
            using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative))
            {
                Content = method is "GET" or "DELETE" ? null : new StringContent(
                    """{"code":"XX","name":"it.analyst","country":"XX","organisation":"EU-HUB","roles":["administrator"],"password":"a long enough password","id":"OP-X","title":"t","owner":"IT","label":"x"}""",
                    Encoding.UTF8, "application/json"),
            };
            var auditBefore = await host.Store.Audit.CountAsync();
            using var response = await client.SendAsync(request);
            var last = await LastAsync(host);

            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path}: {(int)response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal(auditBefore + 1, await host.Store.Audit.CountAsync());
            Assert.Equal((user, "admin.access", "Deny"), (last.Actor, last.Action, last.Outcome));
        }

        Assert.Equal(before, await DirectoryTextAsync(host));
    }

    public static TheoryData<string, string, string, string, int> HostileInput => new()
    {
        { "POST", "/api/v1/admin/organisations", """{"code":"hr","name":"Croatia","country":"HR"}""", "code", 400 },
        { "POST", "/api/v1/admin/organisations", """{"code":"HR","name":"Croatia","country":"Croatia"}""", "country", 400 },
        { "POST", "/api/v1/admin/organisations", """{"code":"HR","name":"Croatia","country":"HR","kind":"empire"}""", "kind", 400 },
        { "POST", "/api/v1/admin/organisations", """{"code":"HR","name":"=cmd|' /C calc'!A0\u0007","country":"HR"}""", "name", 400 },
        { "POST", "/api/v1/admin/organisations", """{"code":"IT","name":"Italy again","country":"IT"}""", "code", 409 },
        { "POST", "/api/v1/admin/users", """{"name":"<script>","organisation":"IT","roles":["analyst"]}""", "name", 400 },
        { "POST", "/api/v1/admin/users", """{"name":"x.analyst","organisation":"NOPE","roles":["analyst"]}""", "organisation", 400 },
        { "POST", "/api/v1/admin/users", """{"name":"x.analyst","organisation":"IT","roles":["root"]}""", "roles", 400 },
        { "POST", "/api/v1/admin/users", """{"name":"x.analyst","organisation":"IT","roles":[]}""", "roles", 400 },
        { "POST", "/api/v1/admin/users", """{"name":"x.analyst","organisation":"IT","roles":["analyst"],"password":"short"}""", "password", 400 },
        { "POST", "/api/v1/admin/users", """{"name":"it.analyst","organisation":"IT","roles":["analyst"]}""", "name", 409 },
        { "PUT", "/api/v1/admin/users/it.analyst/roles", """{"roles":["analyst","god"]}""", "roles", 400 },
        { "POST", "/api/v1/admin/users/it.analyst/tokens", """{"label":"x","expiresDays":5000}""", "expiresDays", 400 },
        { "POST", "/api/v1/admin/users/it.analyst/tokens", """{"label":"line\nbreak"}""", "label", 400 },
        { "POST", "/api/v1/admin/users/admin/disable", "", "name", 400 },
        { "POST", "/api/v1/admin/cases", """{"id":"OP ZUWARA","title":"x","owner":"IT"}""", "id", 400 },
        { "POST", "/api/v1/admin/cases", """{"id":"OP-ZUWARA","title":"again","owner":"IT"}""", "id", 409 },
        { "POST", "/api/v1/admin/cases", """{"id":"OP-NEW","title":"x","owner":"IT","members":["NOPE"]}""", "organisation", 400 },
        { "POST", "/api/v1/admin/cases/OP-ZUWARA/members", """{"organisation":"it; DROP TABLE cases"}""", "organisation", 400 },
        { "DELETE", "/api/v1/admin/cases/OP-ZUWARA/members/IT", "", "organisation", 400 },
        { "PUT", "/api/v1/admin/hub", """{"organisation":"NOPE"}""", "organisation", 400 },
    };

    [Theory]
    [MemberData(nameof(HostileInput))]
    public async Task HostileInput_FromTheAdministrator_GetsProblemNamingTheFieldAndChangesNothing(string method, string path, string body, string field, int status)
    {
        await using var host = await TestHost.StartAsync();
        var admin = await host.AsAsync("admin");
        var before = await DirectoryTextAsync(host);

        using var request = new HttpRequestMessage(new HttpMethod(method), new Uri(path, UriKind.Relative))
        {
            Content = body.Length == 0 ? null : new StringContent(body, Encoding.UTF8, "application/json"),
        };
        using var response = await admin.SendAsync(request);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        // 400 for input of the wrong shape; 409 for a name that is already taken.
        Assert.Equal((HttpStatusCode)status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(field, problem.GetProperty("field").GetString());
        Assert.Equal(before, await DirectoryTextAsync(host));
    }

    [Fact]
    public async Task Users_AsAdministrator_ShowLastSignInAndLockoutAndNoPasswordHash()
    {
        await using var host = await TestHost.StartAsync();
        await host.Store.Directory.AttemptSignInAsync("it.analyst", "tessera-demo-2026");
        for (var i = 0; i < 5; i++)
        {
            await host.Store.Directory.AttemptSignInAsync("gr.analyst", "wrong-" + i);
        }

        var body = await (await host.AsAsync("admin")).GetStringAsync(new Uri("/api/v1/admin/users", UriKind.Relative));
        var users = JsonDocument.Parse(body).RootElement.EnumerateArray().ToDictionary(u => u.GetProperty("name").GetString()!);

        Assert.NotEqual(JsonValueKind.Null, users["it.analyst"].GetProperty("lastSignIn").ValueKind);
        Assert.Equal((true, 5L), (users["gr.analyst"].GetProperty("locked").GetBoolean(), users["gr.analyst"].GetProperty("failedSignIns").GetInt64()));
        Assert.DoesNotContain("pbkdf2", body, StringComparison.Ordinal);
    }

    private static List<(string Method, string Pattern)> AdminEndpoints(TestHost host) =>
        host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1/admin", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, e.RoutePattern.RawText!)))
            .Distinct()
            .ToList();

    // Everything administration can change, as text: organisations, the hub, accounts, tokens, cases and members.
    private static async Task<string> DirectoryTextAsync(TestHost host)
    {
        var text = new StringBuilder();
        foreach (var o in await host.Store.Directory.OrganisationsAsync())
        {
            text.AppendLine(o.ToString());
        }

        text.AppendLine(host.Store.Settings.Hub);
        foreach (var a in await host.Store.Directory.AccountsAsync())
        {
            text.AppendLine(a.User.Name + string.Join(',', a.User.Roles.Order()) + a.User.Disabled + a.Failures + a.User.DisplayName);
            foreach (var t in await host.Store.Directory.Tokens.ListAsync(a.User.Name))
            {
                text.AppendLine(t.Id + t.Revoked);
            }
        }

        foreach (var c in await host.Store.Directory.CasesAsync())
        {
            text.AppendLine(c.Id + c.Title + c.Owner + string.Join(',', c.Members.Order(StringComparer.Ordinal)));
        }

        return text.ToString();
    }

    private static async Task<Core.Audit.AuditEntry> LastAsync(TestHost host)
    {
        Core.Audit.AuditEntry? last = null;
        await foreach (var e in host.Store.Audit.ReadAsync(await host.Store.Audit.CountAsync()))
        {
            last = e;
        }

        return last!;
    }
}
