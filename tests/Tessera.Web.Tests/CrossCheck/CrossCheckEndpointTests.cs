using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tessera.Web.Tests.CrossCheck;

/// <summary>The demo's contributions were cross-checked on arrival; each organisation learns what the policy allows.</summary>
public sealed class CrossCheckEndpointTests
{
    [Fact]
    public async Task Hits_MaltaPartnerOfTheCase_SeesTheItalianRecordWithItsExplanation()
    {
        await using var host = await TestHost.StartAsync();

        var hits = await (await host.AsAsync("mt.analyst")).GetFromJsonAsync<JsonElement>("/api/v1/hits");

        var sameIbrahim = hits.EnumerateArray().First(h => h.GetProperty("kind").GetString() == "same-person" && h.GetProperty("other").ValueKind == JsonValueKind.Object);
        Assert.Equal("IT", sameIbrahim.GetProperty("other").GetProperty("organisation").GetString());
        Assert.Contains("equivalence", sameIbrahim.GetProperty("summary").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hits_GreeceOutsideTheCase_LearnsOnlyOwnerAndReference()
    {
        await using var host = await TestHost.StartAsync();

        var body = await (await host.AsAsync("gr.analyst")).GetStringAsync(new Uri("/api/v1/hits", UriKind.Relative));
        using var doc = JsonDocument.Parse(body);
        var withheld = doc.RootElement.EnumerateArray().Where(h => h.GetProperty("other").ValueKind == JsonValueKind.Null).ToList();

        Assert.NotEmpty(withheld);
        Assert.All(withheld, h => Assert.Equal(JsonValueKind.Null, h.GetProperty("explanation").ValueKind));
        Assert.DoesNotContain("Mohammed Ali Hassan", body, StringComparison.Ordinal);
        Assert.DoesNotContain("محمد", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hits_PolicyOfficer_SeesNone()
    {
        await using var host = await TestHost.StartAsync();

        var hits = await (await host.AsAsync("policy.officer")).GetFromJsonAsync<JsonElement>("/api/v1/hits");

        Assert.Equal(0, hits.GetArrayLength());
    }

    [Fact]
    public async Task CheckPerson_AcrossScripts_IsAHitAndIsLogged()
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync("de.analyst");

        var result = await (await client.PostAsJsonAsync("/api/v1/checks/person", new { name = "محمد علي حسن", birthDate = "1988-02-03" })).Content.ReadFromJsonAsync<JsonElement>();
        var stats = await host.Store.Hits.CheckStatisticsAsync();

        Assert.Equal("hit", result.GetProperty("outcome").GetString());
        Assert.Contains(("DE", "all", "hit", 1L), stats);
    }

    [Fact]
    public async Task CheckIdentifier_InvalidIban_Answers400NamingTheValue()
    {
        await using var host = await TestHost.StartAsync();

        var response = await (await host.AsAsync("de.analyst")).PostAsJsonAsync("/api/v1/checks/identifier", new { type = "iban", value = "DE89370400440532013001" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"field\":\"value\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
