using System.Net;
using System.Text;
using System.Xml;
using Tessera.Core.Access;
using Tessera.Core.Ingest;
using Tessera.Core.Model;

namespace Tessera.Web.Tests.Graph;

/// <summary>Exports served by the API stay usable whatever is stored: XML declares the UTF-8 it is sent in and parses even
/// with a control character stored before ingest refused them; the i2 CSV neutralises a formula.</summary>
public sealed class ExportSafetyTests
{
    [Theory]
    [InlineData("graphml")]
    [InlineData("gexf")]
    public async Task Export_StoredNameWithNul_IsUtf8XmlThatParses(string format)
    {
        await using var host = await TestHost.StartAsync();
        await StoreDirectlyAsync(host, new Entity("it-legacy-1", "Person", [new PropertyValue("name", "Ali\u0000Hassan")]));

        var response = await (await host.AsAsync("it.analyst")).GetAsync(new Uri("/api/v1/graph/export?case=OP-ZUWARA&format=" + format, UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        Assert.Contains("Ali\uFFFDHassan", Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
        using var reader = XmlReader.Create(new MemoryStream(bytes), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit });
        while (reader.Read())
        {
        }
    }

    [Fact]
    public async Task ExportI2_StoredFormulaId_NeverStartsAFieldWithTheFormula()
    {
        await using var host = await TestHost.StartAsync();
        const string id = "=HYPERLINK(\"http://evil.example\",\"open\")";
        await StoreDirectlyAsync(host, new Entity(id, "Person", [new PropertyValue("name", "Formula Person")]));

        var text = await (await host.AsAsync("it.analyst")).GetStringAsync(new Uri("/api/v1/graph/export?case=OP-ZUWARA&format=i2", UriKind.Relative));

        // The id arrives in the provider's namespace (IT:…) or, were it stored bare, with the apostrophe of CsvLine.Quote.
        Assert.Contains("=HYPERLINK(", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n=HYPERLINK", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",=HYPERLINK", text, StringComparison.Ordinal);
    }

    // Past the parsers, as data stored before ingest refused control characters would be.
    private static async Task StoreDirectlyAsync(TestHost host, Entity entity)
    {
        var italy = new Principal("it.analyst", "IT", new HashSet<Role> { Role.Analyst });
        var contribution = new ContributionRequest("IT", "OP-ZUWARA").ToContribution("legacy.ftm.json", Guid.NewGuid().ToString("N"), "it.analyst", DateTimeOffset.UtcNow);
        await host.Store.Contributions.WriteAsync(contribution, [entity], italy);
    }
}
