using System.Net.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Tessera.Web.Tests.Audit;

/// <summary>Every API endpoint that reads personal data writes an audit entry with the caller and the purpose they stated:
/// the endpoints are enumerated from the running app, so a new read endpoint without a sample call (and so without this
/// check) fails here until it is added below, or exempted with the reason it reads no personal data.</summary>
public sealed class ReadEndpointAuditTests
{
    private const string Purpose = "OP-ZUWARA follow-up (audit test)";

    // One call per endpoint (method and route pattern as the app declares them), made as it.analyst.
    private static readonly Dictionary<string, Func<HttpClient, Task<HttpResponseMessage>>> Calls = new(StringComparer.Ordinal)
    {
        ["GET /api/v1/entities/{id}"] = c => c.GetAsync(Uri("/api/v1/entities/it-p-002")),
        ["POST /api/v1/entities/search"] = c => c.PostAsJsonAsync("/api/v1/entities/search", new { query = "Moh" }),
        ["POST /api/v1/imports/preview"] = c => c.PostAsync(Uri("/api/v1/imports/preview"), Upload()),
        ["POST /api/v1/imports/"] = c => c.PostAsync(Uri("/api/v1/imports/"), Upload()),
        ["GET /api/v1/graph"] = c => c.GetAsync(Uri("/api/v1/graph?case=OP-ZUWARA")),
        ["GET /api/v1/graph/expand"] = c => c.GetAsync(Uri("/api/v1/graph/expand?case=OP-ZUWARA&node=it-p-004")),
        ["GET /api/v1/graph/paths"] = c => c.GetAsync(Uri("/api/v1/graph/paths?case=OP-ZUWARA&from=it-p-004&to=it-v-001")),
        ["GET /api/v1/graph/export"] = c => c.GetAsync(Uri("/api/v1/graph/export?case=OP-ZUWARA&format=graphml")),
        ["GET /api/v1/cases/"] = c => c.GetAsync(Uri("/api/v1/cases/")),
        ["GET /api/v1/cases/{id}"] = c => c.GetAsync(Uri("/api/v1/cases/OP-ZUWARA")),
        ["GET /api/v1/cases/{id}/notes"] = c => c.GetAsync(Uri("/api/v1/cases/OP-ZUWARA/notes")),
        ["POST /api/v1/cases/{id}/notes"] = c => c.PostAsJsonAsync("/api/v1/cases/OP-ZUWARA/notes", new { text = "boat seen at Zuwara" }),
        ["GET /api/v1/hits"] = c => c.GetAsync(Uri("/api/v1/hits")),
        ["GET /api/v1/notices"] = c => c.GetAsync(Uri("/api/v1/notices")),
        ["GET /api/v1/hits/groups"] = c => c.GetAsync(Uri("/api/v1/hits/groups?status=new&review=true")),
        ["GET /api/v1/hits/{id:long}"] = c => c.GetAsync(Uri("/api/v1/hits/1")),
        ["GET /api/v1/requests"] = c => c.GetAsync(Uri("/api/v1/requests")),
        ["GET /api/v1/requests/{id:long}"] = c => c.GetAsync(Uri("/api/v1/requests/1")),
        ["GET /api/v1/references/{reference}"] = c => c.GetAsync(Uri("/api/v1/references/REF-0123456789ABCDEF0123")),
        ["POST /api/v1/checks/person"] = c => c.PostAsJsonAsync("/api/v1/checks/person", new { name = "Mohammed Ali Hassan" }),
        ["POST /api/v1/checks/identifier"] = c => c.PostAsJsonAsync("/api/v1/checks/identifier", new { type = "phone", value = "+218 94 777 8899" }),
        ["GET /api/v1/audit/"] = c => c.GetAsync(Uri("/api/v1/audit/")),
        ["POST /api/v1/audit/verify"] = c => c.PostAsync(Uri("/api/v1/audit/verify"), null),
        ["GET /api/v1/retention/due"] = c => c.GetAsync(Uri("/api/v1/retention/due")),
        ["GET /api/v1/audit/search"] = c => c.GetAsync(Uri("/api/v1/audit/search?user=gr.analyst&action=entity")),
        ["GET /api/v1/audit/export.csv"] = c => c.GetAsync(Uri("/api/v1/audit/export.csv?outcome=Deny")),
        ["GET /api/v1/admin/organisations"] = c => c.GetAsync(Uri("/api/v1/admin/organisations")),
        ["GET /api/v1/admin/users"] = c => c.GetAsync(Uri("/api/v1/admin/users")),
        ["GET /api/v1/admin/users/{name}/tokens"] = c => c.GetAsync(Uri("/api/v1/admin/users/gr.analyst/tokens")),
        ["GET /api/v1/admin/cases"] = c => c.GetAsync(Uri("/api/v1/admin/cases")),
        ["GET /api/v1/reports/barometer"] = c => c.GetAsync(Uri("/api/v1/reports/barometer?from=2024-01&to=2024-12")),
        ["GET /api/v1/actions"] = c => c.GetAsync(Uri("/api/v1/actions")),
        ["GET /api/v1/actions/{organisation}/{id}/history"] = c => c.GetAsync(Uri("/api/v1/actions/IT/I.1/history")),
    };

    // Endpoints under /api/v1 that read no personal data, with the reason.
    private static readonly Dictionary<string, string> Exempt = new(StringComparer.Ordinal)
    {
        ["POST /api/v1/hits/{id:long}/status"] = "a triage step (a write, audited by the follow-up store)",
        ["POST /api/v1/hits/{id:long}/assign"] = "a triage step (a write, audited by the follow-up store)",
        ["POST /api/v1/hits/{id:long}/confirm"] = "a match decision (a write, audited on both sides by the follow-up store)",
        ["POST /api/v1/hits/{id:long}/reject"] = "a match decision (a write, audited on both sides by the follow-up store)",
        ["POST /api/v1/entities/split"] = "undoing a match decision (a write, audited by the follow-up store)",
        ["POST /api/v1/requests"] = "an access request (a write, audited on both sides by the follow-up store)",
        ["POST /api/v1/requests/{id:long}/decision"] = "an answer to a request (a write, audited on both sides by the follow-up store)",
        ["POST /api/v1/requests/{id:long}/approve"] = "a supervisor's approval (a write, audited on both sides by the follow-up store)",
        ["POST /api/v1/requests/{id:long}/revoke"] = "a revocation (a write, audited on both sides by the follow-up store)",
        ["POST /api/v1/auth/signin"] = "signing in (audited as user.signin by the directory)",
        ["POST /api/v1/auth/signout"] = "ending the caller's own session",
        ["GET /api/v1/account/tokens/"] = "the caller's own API tokens (account data, not data of a data subject)",
        ["POST /api/v1/account/tokens/"] = "creating the caller's own API token (audited as token.create by the directory)",
        ["DELETE /api/v1/account/tokens/{id}"] = "revoking the caller's own API token (a write, audited by the directory)",
        ["GET /api/v1/picture/summary"] = "aggregate statistics of the situational picture",
        ["GET /api/v1/picture/series"] = "aggregate statistics of the situational picture",
        ["GET /api/v1/picture/alerts"] = "aggregate statistics of the situational picture",
        ["GET /api/v1/picture/prices"] = "aggregate price observations",
        ["GET /api/v1/picture/chart.svg"] = "a chart of aggregate statistics",
        ["GET /api/v1/picture/routes.geojson"] = "aggregate statistics by route",
        ["GET /api/v1/picture/sections"] = "border sections and their impact levels",
        ["GET /api/v1/picture/sections/{id}/history"] = "the history of a section's impact level",
        ["GET /api/v1/picture/sections.geojson"] = "border sections and their impact levels",
        ["POST /api/v1/admin/organisations"] = "administration (a write, audited by the directory; a refusal audited as admin.access)",
        ["PUT /api/v1/admin/hub"] = "administration (a write, audited by the directory; a refusal audited as admin.access)",
        ["POST /api/v1/admin/users"] = "administration (a write, audited by the directory; a refusal audited as admin.access)",
        ["PUT /api/v1/admin/users/{name}/roles"] = "administration (a write, audited by the directory; a refusal audited as admin.access)",
        ["POST /api/v1/admin/users/{name}/disable"] = "administration (a write, audited by the directory; a refusal audited as admin.access)",
        ["POST /api/v1/admin/users/{name}/enable"] = "administration (a write, audited by the directory; a refusal audited as admin.access)",
        ["POST /api/v1/admin/users/{name}/password"] = "administration (a write, audited by the directory; a refusal audited as admin.access)",
        ["POST /api/v1/admin/users/{name}/unlock"] = "administration (a write, audited by the directory; a refusal audited as admin.access)",
        ["POST /api/v1/admin/users/{name}/tokens"] = "administration (a write, audited by the directory; a refusal audited as admin.access)",
        ["DELETE /api/v1/admin/users/{name}/tokens/{id}"] = "administration (a write, audited by the directory; a refusal audited as admin.access)",
        ["POST /api/v1/admin/cases"] = "administration (a write, audited by the directory; a refusal audited as admin.access)",
        ["POST /api/v1/admin/cases/{id}/members"] = "administration (a write, audited by the directory; a refusal audited as admin.access)",
        ["DELETE /api/v1/admin/cases/{id}/members/{organisation}"] = "administration (a write, audited by the directory; a refusal audited as admin.access)",
        ["PUT /api/v1/actions/{organisation}/{id}"] = "a status change (a write, audited by the action tracker; a refusal audited too)",
        ["PUT /api/v1/picture/sections/{id}/level"] = "a write, audited by the picture store",
        ["POST /api/v1/picture/sections/{id}/level"] = "a write, audited by the picture store",
    };

    [Fact]
    public async Task EveryApiEndpoint_CalledByAnAnalyst_HasASampleCallOrAReasonToBeExempt()
    {
        await using var host = await TestHost.StartAsync();

        var unknown = ApiEndpoints(host).Where(e => !Calls.ContainsKey(e) && !Exempt.ContainsKey(e)).ToList();

        Assert.True(unknown.Count == 0, "endpoints with neither an audit check nor an exemption: " + string.Join(", ", unknown));
    }

    [Fact]
    public async Task EveryReadEndpoint_CalledByAnAnalyst_WritesOneAuditEntryWithTheStatedPurpose()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("it.analyst");
        client.DefaultRequestHeaders.Add("X-Tessera-Purpose", Purpose);
        var missing = new List<string>();
        var called = ApiEndpoints(host).Where(Calls.ContainsKey).ToList();

        foreach (var endpoint in called)
        {
            var before = await host.Store.Audit.CountAsync();
            using var response = await Calls[endpoint](client);
            var written = new List<Core.Audit.AuditEntry>();
            await foreach (var e in host.Store.Audit.ReadAsync(before + 1))
            {
                written.Add(e);
            }

            // Exactly once: one access, one entry of the caller (entries of the cross-check on arrival are the platform's).
            if (written.Count(e => e.Actor == "it.analyst") != 1 || !written.Any(e => e.Actor == "it.analyst" && e.Purpose == Purpose))
            {
                missing.Add($"{endpoint} ({(int)response.StatusCode}): {string.Join(", ", written.Select(e => e.Action + "/" + e.Actor + "/" + e.Purpose))}");
            }
        }

        Assert.Equal(Calls.Count, called.Count);
        Assert.True(missing.Count == 0, "read endpoints without exactly one audit entry of the caller with the purpose: " + string.Join("; ", missing));
        Assert.True((await host.Store.Audit.VerifyAsync()).Intact);
    }

    [Fact]
    public async Task Search_WithoutAStatedPurpose_IsAuditedAsNotStated()
    {
        await using var host = await TestHost.StartAsync();

        await TestHost.SearchAsync(await host.AsAsync("gr.analyst"), "+218 9");
        Core.Audit.AuditEntry? last = null;
        await foreach (var e in host.Store.Audit.ReadAsync(await host.Store.Audit.CountAsync()))
        {
            last = e;
        }

        Assert.Equal(("entity.search", "+218 9", "not stated"), (last!.Action, last.Query, last.Purpose));
    }

    private static List<string> ApiEndpoints(TestHost host) =>
        host.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/api/v1", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => m + " " + e.RoutePattern.RawText))
            .Distinct(StringComparer.Ordinal)
            .ToList();

    private static MultipartFormDataContent Upload()
    {
        var content = new MultipartFormDataContent
        {
            { new StringContent("""{"id":"it-audit-1","schema":"Person","properties":{"name":["Omar Haddad"]}}""" + "\n"), "file", "audit.ftm.json" },
            { new StringContent("H0"), "handling" },
        };
        return content;
    }

    private static Uri Uri(string path) => new(path, UriKind.Relative);
}
