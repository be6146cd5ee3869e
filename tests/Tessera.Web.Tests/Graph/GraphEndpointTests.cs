using System.Net.Http.Json;
using System.Text.Json;

namespace Tessera.Web.Tests.Graph;

public sealed class GraphEndpointTests
{
    [Fact]
    public async Task CaseGraph_ItalianCase_RanksTheOrganiserAmongTheTopLeads()
    {
        await using var host = await TestHost.StartAsync();

        var graph = await (await host.AsAsync("it.analyst")).GetFromJsonAsync<JsonElement>("/api/v1/graph?case=OP-ZUWARA");
        var nodes = graph.GetProperty("nodes").EnumerateArray().ToList();
        var top = nodes.OrderByDescending(n => Math.Max(n.GetProperty("organiser").GetDouble(), Math.Max(n.GetProperty("broker").GetDouble(), n.GetProperty("moneyHandler").GetDouble())))
            .Take(5).Select(n => n.GetProperty("caption").GetString()).ToList();

        Assert.True(graph.GetProperty("edges").GetArrayLength() > 0);
        Assert.Contains(top, c => c is not null && c.Contains("Zuwari", StringComparison.Ordinal));
        Assert.All(nodes, n => Assert.NotEmpty(n.GetProperty("members").EnumerateArray()));
    }

    [Fact]
    public async Task CaseGraph_OtherOrganisation_SeesNothingOfTheCase()
    {
        await using var host = await TestHost.StartAsync();

        var graph = await (await host.AsAsync("de.analyst")).GetFromJsonAsync<JsonElement>("/api/v1/graph?case=OP-ZUWARA");

        Assert.Equal(0, graph.GetProperty("nodes").GetArrayLength());
    }

    [Fact]
    public async Task ExpandAndPaths_OrganiserToVessel_GoThroughVisibleNodesOnly()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("it.analyst");

        var ego = await client.GetFromJsonAsync<JsonElement>("/api/v1/graph/expand?case=OP-ZUWARA&node=IT:it-p-001");
        var paths = await client.GetFromJsonAsync<JsonElement>("/api/v1/graph/paths?case=OP-ZUWARA&from=IT:it-p-004&to=IT:it-v-001");
        var hidden = await (await host.AsAsync("de.analyst")).GetFromJsonAsync<JsonElement>("/api/v1/graph/paths?case=OP-ZUWARA&from=IT:it-p-004&to=IT:it-v-001");

        Assert.Contains(ego.GetProperty("nodes").EnumerateArray(), n => n.GetProperty("id").GetString() == "IT:it-v-001");
        // Malta's landing record has Touré aboard the AL-AMAL, one node with Italy's record of it (one IMO number,
        // one vessel); a member id (it-p-004) names the node it was merged into.
        var shortest = paths[0].EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Equal(2, shortest.Count);
        Assert.Equal("IT:it-v-001", shortest[^1]);
        Assert.Equal(0, hidden.GetArrayLength());
    }
}
