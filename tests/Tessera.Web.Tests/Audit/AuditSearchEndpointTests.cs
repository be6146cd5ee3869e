using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tessera.Web.Tests.Audit;

/// <summary>The auditor filters the trail by user, organisation, action, outcome and dates, pages through it and exports it as
/// CSV that a spreadsheet cannot run; a search entry carries the text searched and the purpose stated.</summary>
public sealed class AuditSearchEndpointTests
{
    private const string Purpose = "OP-ZUWARA follow-up";

    [Theory]
    [MemberData(nameof(TestHost.Providers), MemberType = typeof(TestHost))]
    public async Task Search_ByUserAndAction_FindsTheSearchWithItsTextAndPurpose(string provider)
    {
        await using var host = await TestHost.StartAsync(provider);
        var analyst = await host.AsAsync("gr.analyst");
        analyst.DefaultRequestHeaders.Add("X-Tessera-Purpose", Purpose);
        await TestHost.SearchAsync(analyst, "Mohammed Ali");
        await TestHost.SearchAsync(await host.AsAsync("it.analyst"), "Hassan");

        var page = await (await host.AsAsync("auditor")).GetFromJsonAsync<JsonElement>("/api/v1/audit/search?user=gr.analyst&action=entity&organisation=GR");
        var entries = page.GetProperty("entries").EnumerateArray().ToList();

        var entry = Assert.Single(entries);
        Assert.Equal(("entity.search", "Mohammed Ali", Purpose), (entry.GetProperty("action").GetString(), entry.GetProperty("query").GetString(), entry.GetProperty("purpose").GetString()));
        Assert.Equal(1, page.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Search_Pages_AreNewestFirstWithoutOverlap()
    {
        await using var host = await TestHost.StartAsync();
        var auditor = await host.AsAsync("auditor");

        var first = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/search?pageSize=20");
        var upTo = first.GetProperty("upTo").GetInt64();
        var second = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit/search?pageSize=20&page=2&upto={upTo}");
        long[] Seqs(JsonElement p) => p.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()).ToArray();

        Assert.Equal(20, Seqs(first).Length);
        Assert.Equal(Seqs(first).OrderDescending(), Seqs(first));
        Assert.True(Seqs(first).Min() > Seqs(second).Max());
        Assert.Equal(Seqs(first)[^1] - 1, Seqs(second)[0]);
        Assert.Equal(upTo, Seqs(first)[0]);
    }

    [Fact]
    public async Task Search_DateRangeAndOutcome_KeepOnlyMatchingEntries()
    {
        await using var host = await TestHost.StartAsync();
        var auditor = await host.AsAsync("auditor");
        await (await host.AsAsync("it.analyst")).GetAsync(new Uri("/api/v1/audit", UriKind.Relative));

        string Day(int offset) => DateTimeOffset.UtcNow.AddDays(offset).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var denied = await auditor.GetFromJsonAsync<JsonElement>($"/api/v1/audit/search?outcome=Deny&from={Day(-1)}&to={Day(1)}");
        var future = await auditor.GetFromJsonAsync<JsonElement>("/api/v1/audit/search?from=2999-01-01");

        Assert.NotEmpty(denied.GetProperty("entries").EnumerateArray());
        Assert.All(denied.GetProperty("entries").EnumerateArray(), e => Assert.Equal("Deny", e.GetProperty("outcome").GetString()));
        Assert.Contains(denied.GetProperty("entries").EnumerateArray(), e => e.GetProperty("actor").GetString() == "it.analyst");
        Assert.Equal(0, future.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Export_HostileSearchText_IsNeutralisedForSpreadsheets()
    {
        await using var host = await TestHost.StartAsync();
        await TestHost.SearchAsync(await host.AsAsync("gr.analyst"), "=HYPERLINK(\"http://x\",\"a\")");
        await TestHost.SearchAsync(await host.AsAsync("gr.analyst"), "@SUM(1,2)");

        using var response = await (await host.AsAsync("auditor")).GetAsync(new Uri("/api/v1/audit/export.csv?user=gr.analyst&action=entity.search", UriKind.Relative));
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Core.Audit.AuditCsv.Header, lines[0].TrimEnd('\r'));
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"'=HYPERLINK(\"\"http://x\"\",\"\"a\"\")\"", lines[1], StringComparison.Ordinal);
        Assert.Contains("\"'@SUM(1,2)\"", lines[2], StringComparison.Ordinal);
        Assert.All(lines.Skip(1), l => Assert.DoesNotContain(",=", l, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("it.analyst")]
    [InlineData("admin")]
    [InlineData("policy.officer")]
    public async Task SearchAndExport_AnyoneButAnAuditor_Gets403AndTheRefusalIsAudited(string user)
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync(user);

        foreach (var path in new[] { "/api/v1/audit/search?user=gr.analyst", "/api/v1/audit/export.csv?user=gr.analyst" })
        {
            var before = await host.Store.Audit.CountAsync();
            using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
            Core.Audit.AuditEntry? last = null;
            await foreach (var e in host.Store.Audit.ReadAsync(before + 1))
            {
                last = e;
            }

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.DoesNotContain("gr.analyst,", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.Equal((user, "Deny", "user=gr.analyst"), (last!.Actor, last.Outcome, last.Query));
        }
    }

    public static TheoryData<string, string> BadCriteria => new()
    {
        { "from=yesterday", "from" },
        { "to=2026-13-45", "to" },
        { "from=2026-12-07&to=2026-12-01", "to" },
        { "user=" + new string('a', 201), "user" },
        { "action=" + Uri.EscapeDataString(new string('\u0645', 300)), "action" },
    };

    [Theory]
    [MemberData(nameof(BadCriteria))]
    public async Task Search_BadCriteria_Gets400NamingTheField(string query, string field)
    {
        await using var host = await TestHost.StartAsync();

        using var response = await (await host.AsAsync("auditor")).GetAsync(new Uri("/api/v1/audit/search?" + query, UriKind.Relative));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }
}
