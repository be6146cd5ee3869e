using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tessera.Web.Tests.Entities;

/// <summary>The entity API answers through the access policy: details, hit-only, or exactly nothing.</summary>
public sealed class EntityEndpointTests
{
    [Fact]
    public async Task Get_OwnOrganisation_ShowsValuesWithProvenance()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("it.analyst");

        using var doc = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/v1/entities/IT:it-p-002", UriKind.Relative)));
        var root = doc.RootElement;

        Assert.Equal("full", root.GetProperty("disclosure").GetString());
        Assert.Equal("Mohammed Ali Hassan", root.GetProperty("caption").GetString());
        var first = root.GetProperty("values")[0].GetProperty("provenance");
        Assert.Equal("IT", first.GetProperty("organisation").GetString());
        Assert.Equal("H0,H1", first.GetProperty("handling").GetString());
        Assert.Equal("B", first.GetProperty("reliability").GetString());
    }

    [Fact]
    public async Task Get_CasePartner_SeesTheCaseData()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("mt.analyst");

        var response = await client.GetFromJsonAsync<JsonElement>("/api/v1/entities/IT:it-p-002");

        Assert.Equal("full", response.GetProperty("disclosure").GetString());
    }

    [Fact]
    public async Task Get_OtherOrganisation_LearnsOnlyThatItExists()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("gr.analyst");

        var body = await client.GetStringAsync(new Uri("/api/v1/entities/IT:it-p-002", UriKind.Relative));

        Assert.Contains("\"disclosure\":\"hit-only\"", body, StringComparison.Ordinal);
        Assert.Contains("\"owner\":\"IT\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Mohammed", body, StringComparison.Ordinal);
        Assert.DoesNotContain("1988", body, StringComparison.Ordinal);
        Assert.DoesNotContain("Person", body, StringComparison.Ordinal);
        Assert.DoesNotContain("it-p-002", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_NotAllowedToKnow_IsByteForByteTheAnswerForNoData()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("it.analyst");

        // GR-EVR-120 is Greek H2 data outside any case: Italy may not even learn it exists.
        var restricted = await client.GetAsync(new Uri("/api/v1/entities/GR:GR-EVR-120", UriKind.Relative));
        var missing = await client.GetAsync(new Uri("/api/v1/entities/GR:GR-EVR-999", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, restricted.StatusCode);
        Assert.Equal(missing.StatusCode, restricted.StatusCode);
        Assert.Equal(WithoutTraceId(await missing.Content.ReadAsStringAsync()), WithoutTraceId(await restricted.Content.ReadAsStringAsync()));
        Assert.Equal(missing.Content.Headers.ContentType, restricted.Content.Headers.ContentType);
    }

    // Each answer carries its own random trace id; everything else must be identical.
    private static string WithoutTraceId(string body) => System.Text.RegularExpressions.Regex.Replace(body, "\"traceId\":\"[^\"]*\"", "");

    [Fact]
    public async Task Get_PolicyOfficer_SeesNoPersonalData()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("policy.officer");

        var response = await client.GetAsync(new Uri("/api/v1/entities/IT:it-p-002", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Search_ArabicScriptName_FindsOnlyWhatTheCallerMaySee()
    {
        await using var host = await TestHost.StartAsync();

        var mt = await (await TestHost.SearchAsync(await host.AsAsync("mt.analyst"), "محمد")).Content.ReadFromJsonAsync<JsonElement>();
        var de = await (await TestHost.SearchAsync(await host.AsAsync("de.analyst"), "محمد")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("MT:MT-L-2026-0412", mt[0].GetProperty("id").GetString());
        // A name is no complete identifier: Germany, which may not read the record, learns nothing of it through search.
        Assert.Equal(0, de.GetArrayLength());
        Assert.DoesNotContain("محمد", de.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_RestrictedMatches_AreLeftOutAsIfTheyDidNotMatch()
    {
        await using var host = await TestHost.StartAsync();

        var it = await (await TestHost.SearchAsync(await host.AsAsync("it.analyst"), "Omar Faruk")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(0, it.GetArrayLength());
    }

    [Fact]
    public async Task Search_TooShortQuery_Answers400NamingTheField()
    {
        await using var host = await TestHost.StartAsync();

        var response = await TestHost.SearchAsync(await host.AsAsync("it.analyst"), "a");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("query", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
