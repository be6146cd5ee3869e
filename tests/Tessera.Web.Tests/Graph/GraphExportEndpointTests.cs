using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;

namespace Tessera.Web.Tests.Graph;

/// <summary>The network as a file (<c>/api/v1/graph/export</c>) and the tie details the link chart filters on.</summary>
public sealed class GraphExportEndpointTests
{
    private static readonly XNamespace GraphMl = "http://graphml.graphdrawing.org/xmlns";

    [Fact]
    public async Task Export_ItalianCase_IsGraphMlWithTheSameNodesCaptionsAndRoleScores()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("it.analyst");

        var response = await client.GetAsync("/api/v1/graph/export?case=OP-ZUWARA");
        var graph = await client.GetFromJsonAsync<JsonElement>("/api/v1/graph?case=OP-ZUWARA");
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphml+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("network.graphml", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var nodes = xml.Descendants(GraphMl + "node").ToList();
        Assert.Equal(graph.GetProperty("nodes").GetArrayLength(), nodes.Count);
        // Parallel ties (two calls between the same persons) are one weighted edge of the undirected graph.
        var pairs = graph.GetProperty("edges").EnumerateArray()
            .Select(e => new[] { e.GetProperty("source").GetString()!, e.GetProperty("target").GetString()! }.Order(StringComparer.Ordinal))
            .Select(p => string.Join('|', p)).Distinct(StringComparer.Ordinal).Count();
        Assert.Equal(pairs, xml.Descendants(GraphMl + "edge").Count());
        var keys = xml.Descendants(GraphMl + "key").ToDictionary(k => (string)k.Attribute("attr.name")!, k => (string)k.Attribute("id")!);
        Assert.Contains("organiser", keys.Keys);
        Assert.Contains(nodes, n => n.Elements(GraphMl + "data").Any(d => (string?)d.Attribute("key") == keys["label"] && d.Value == "Abdelrahman Al-Zuwari"));
    }

    [Fact]
    public async Task Export_OtherOrganisation_HoldsNothingOfTheCaseAndIsAudited()
    {
        await using var host = await TestHost.StartAsync();

        var text = await (await host.AsAsync("de.analyst")).GetStringAsync("/api/v1/graph/export?case=OP-ZUWARA");
        var last = await LastAuditAsync(host);

        Assert.Empty(XDocument.Parse(text).Descendants(GraphMl + "node"));
        Assert.DoesNotContain("Zuwari", text, StringComparison.Ordinal);
        Assert.Equal(("de.analyst", "graph.export", "case:OP-ZUWARA"), (last.Actor, last.Action, last.Target));
    }

    [Theory]
    [InlineData("gexf", "application/gexf+xml", "<gexf")]
    [InlineData("cytoscape", "application/json", "\"elements\"")]
    [InlineData("i2", "text/csv", "Link Type")]
    public async Task Export_OtherFormats_AreServedWithTheirMediaType(string format, string mediaType, string marker)
    {
        await using var host = await TestHost.StartAsync();

        var response = await (await host.AsAsync("it.analyst")).GetAsync("/api/v1/graph/export?case=OP-ZUWARA&format=" + format);

        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(marker, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "/api/v1/graph/export?case=OP-ZUWARA", HttpStatusCode.Unauthorized)]
    [InlineData("it.analyst", "/api/v1/graph/export?format=pdf", HttpStatusCode.BadRequest)]
    [InlineData("policy.officer", "/api/v1/graph/export?case=OP-ZUWARA", HttpStatusCode.OK)]
    public async Task Export_Refusals_AreProblemsWithoutData(string? user, string url, HttpStatusCode expected)
    {
        await using var host = await TestHost.StartAsync();
        var client = user is null ? host.Anonymous() : await host.AsAsync(user);

        var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(expected, response.StatusCode);
        Assert.DoesNotContain("Zuwari", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaseGraph_Ties_CarryTheirDayAndAKindWithoutTheSharedValue()
    {
        await using var host = await TestHost.StartAsync();

        var graph = await (await host.AsAsync("it.analyst")).GetFromJsonAsync<JsonElement>("/api/v1/graph?case=OP-ZUWARA");
        var edges = graph.GetProperty("edges").EnumerateArray().ToList();

        Assert.Contains(edges, e => e.GetProperty("kind").GetString() == "paid (Payment)" && e.GetProperty("date").GetString() == "2026-06-20");
        Assert.Contains(edges, e => e.GetProperty("kind").GetString() == "called (Call)" && e.GetProperty("date").GetString() == "2026-06-02");
        var shared = edges.Where(e => e.GetProperty("label").GetString()!.StartsWith("shares ", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(shared);
        Assert.All(shared, e => Assert.DoesNotContain(e.GetProperty("kind").GetString()!, char.IsAsciiDigit));
        Assert.All(shared, e => Assert.Equal(JsonValueKind.Null, e.GetProperty("date").ValueKind));
    }

    [Theory]
    [InlineData("graphml", "read_graphml")]
    [InlineData("gexf", "read_gexf")]
    public async Task Export_ReadByNetworkx_HasTheNodesOfTheNetwork(string format, string reader)
    {
        // The file's declared encoding must match its bytes, or networkx (Python's XML parser) refuses it.
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("it.analyst");
        var graph = await client.GetFromJsonAsync<JsonElement>("/api/v1/graph?case=OP-ZUWARA");
        var path = Path.Combine(Path.GetTempPath(), $"tessera-export-{Guid.NewGuid():N}.{format}");
        await File.WriteAllBytesAsync(path, await client.GetByteArrayAsync(new Uri($"/api/v1/graph/export?case=OP-ZUWARA&format={format}", UriKind.Relative)));
        try
        {
            var python = new System.Diagnostics.ProcessStartInfo("python3", ["-c", $"import sys, networkx as nx; print(nx.{reader}(sys.argv[1]).number_of_nodes())", path])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = System.Diagnostics.Process.Start(python)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            var error = await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();

            Assert.True(process.ExitCode == 0, $"networkx.{reader} refused the {format} export: {error}");
            Assert.Equal(graph.GetProperty("nodes").GetArrayLength(), int.Parse(output.Trim(), System.Globalization.CultureInfo.InvariantCulture));
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<Core.Audit.AuditEntry> LastAuditAsync(TestHost host)
    {
        var count = await host.Store.Audit.CountAsync();
        await foreach (var e in host.Store.Audit.ReadAsync(count))
        {
            return e;
        }

        throw new InvalidOperationException("empty audit log");
    }
}
