using System.Net.Http.Json;
using System.Text.Json;
using Tessera.Core.Access;

namespace Tessera.Web.Tests.Retention;

/// <summary><c>GET /api/v1/retention/due</c>: the caller's organisation's own contributions due for review, nobody else's.</summary>
public sealed class RetentionEndpointTests
{
    [Fact]
    public async Task Due_ListsOnlyTheCallersOwnContributionsComingDue()
    {
        await using var host = await TestHost.StartAsync();
        var italian = (await host.Store.Contributions.ContributionsAsync()).First(c => c.Organisation == "IT");
        var soon = host.Store.Retention.Today.AddDays(10);
        await host.Store.Retention.ExtendAsync(italian.Id, soon, "review brought forward", new Principal("it.analyst", "IT", new HashSet<Role> { Role.Analyst }));

        var mine = await (await host.AsAsync("it.analyst")).GetFromJsonAsync<JsonElement>("/api/v1/retention/due");
        var theirs = await (await host.AsAsync("mt.analyst")).GetFromJsonAsync<JsonElement>("/api/v1/retention/due");

        var due = Assert.Single(mine.EnumerateArray());
        Assert.Equal(italian.Id, due.GetProperty("contributionId").GetInt64());
        Assert.Equal(10, due.GetProperty("daysLeft").GetInt32());
        Assert.DoesNotContain(theirs.EnumerateArray(), d => d.GetProperty("contributionId").GetInt64() == italian.Id);
    }
}
