using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tessera.Web.Tests.Access;

/// <summary>The attacks on the provider's promise that a valid account could once carry out, each now failing safe.</summary>
public sealed class ProviderPromiseTests
{
    // Italy's H0/H1 suspect it-p-002 holds this phone; Germany is in no case with Italy.
    private const string ItalianPhone = "+218 92 555 0101";

    [Fact]
    public async Task Search_PartialPhoneOfAWithheldRecord_FindsNothingAndTheCompletePhoneOnlyAHit()
    {
        await using var host = await TestHost.StartAsync();
        var germany = await host.AsAsync("de.analyst");

        // Extending a prefix one character at a time once rebuilt Italy's phone from the references it returned.
        var partial = await (await TestHost.SearchAsync(germany, "+218 9")).Content.ReadFromJsonAsync<JsonElement>();
        var longer = await (await TestHost.SearchAsync(germany, "+218 92 555 01")).Content.ReadFromJsonAsync<JsonElement>();
        var complete = await (await TestHost.SearchAsync(germany, ItalianPhone)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.DoesNotContain(partial.EnumerateArray(), r => r.GetProperty("disclosure").GetString() == "hit-only");
        Assert.DoesNotContain(longer.EnumerateArray(), r => r.GetProperty("disclosure").GetString() == "hit-only");
        Assert.Contains(complete.EnumerateArray(), r => r.GetProperty("withheld")[0].GetProperty("owner").GetString() == "IT");
        Assert.All(complete.EnumerateArray(), r => Assert.Equal("hit-only", r.GetProperty("disclosure").GetString()));
        Assert.DoesNotContain("it-p-002", complete.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reference_IsKeyedAndResolvesOnlyForItsOwner()
    {
        await using var host = await TestHost.StartAsync();
        var complete = await (await TestHost.SearchAsync(await host.AsAsync("de.analyst"), ItalianPhone)).Content.ReadFromJsonAsync<JsonElement>();
        var reference = complete.EnumerateArray().Select(r => r.GetProperty("withheld")[0]).First(w => w.GetProperty("owner").GetString() == "IT")
            .GetProperty("reference").GetString()!;

        var owner = await (await host.AsAsync("it.analyst")).GetAsync(new Uri("/api/v1/references/" + reference, UriKind.Relative));
        var asker = await (await host.AsAsync("de.analyst")).GetAsync(new Uri("/api/v1/references/" + reference, UriKind.Relative));
        var partner = await (await host.AsAsync("mt.analyst")).GetAsync(new Uri("/api/v1/references/" + reference, UriKind.Relative));

        // REF- and 20 hex digits of a keyed MAC: neither the contribution nor the record can be read off it or tried offline.
        Assert.Matches("^REF-[0-9A-F]{20}$", reference);
        Assert.Equal(HttpStatusCode.OK, owner.StatusCode);
        Assert.StartsWith("IT:", (await owner.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("entityId").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, asker.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, partner.StatusCode);
    }

    [Fact]
    public async Task HubRole_OutsideTheHubOrganisation_ReadsNoMoreThanAnAnalyst()
    {
        await using var host = await TestHost.StartAsync();

        // The border agency's analyst holds the hub analyst role; hub rights belong to EU-HUB, which runs the hub.
        var agency = await (await host.AsAsync("border.analyst")).GetFromJsonAsync<JsonElement>("/api/v1/entities/IT:it-p-002");
        var hub = await (await host.AsAsync("hub.analyst")).GetFromJsonAsync<JsonElement>("/api/v1/entities/IT:it-p-002");

        Assert.Equal("hit-only", agency.GetProperty("disclosure").GetString());
        Assert.DoesNotContain("Mohammed", agency.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("full", hub.GetProperty("disclosure").GetString());
    }

    [Fact]
    public async Task Import_IntoACaseOfWhichTheCallerIsNoMember_IsRefusedExactlyLikeAnUnknownCase()
    {
        await using var host = await TestHost.StartAsync();
        var malta = await host.AsAsync("mt.analyst");

        var foreign = await ImportAsync(malta, "OP-BALKAN", """{"id":"BPOL-2026-7781","schema":"Person","properties":{"name":["<script>alert(1)</script>"]}}""");
        var unknown = await ImportAsync(malta, "OP-NOWHERE", """{"id":"BPOL-2026-7781","schema":"Person","properties":{"name":["<script>alert(1)</script>"]}}""");
        var workspace = await (await host.AsAsync("de.analyst")).GetStringAsync(new Uri("/api/v1/cases/OP-BALKAN", UriKind.Relative));

        Assert.False(foreign.IsSuccessStatusCode);
        Assert.Equal(unknown.StatusCode, foreign.StatusCode);
        Assert.Equal(Scrub(await unknown.Content.ReadAsStringAsync(), "OP-NOWHERE"), Scrub(await foreign.Content.ReadAsStringAsync(), "OP-BALKAN"));
        Assert.DoesNotContain("\"MT\"", workspace, StringComparison.Ordinal);
        Assert.Equal(0, (await host.Store.Contributions.ContributionsAsync()).Count(c => c.Organisation == "MT" && c.CaseId == "OP-BALKAN"));
    }

    [Fact]
    public async Task Import_WithAnotherProvidersRecordId_StaysInTheImportersNamespace()
    {
        await using var host = await TestHost.StartAsync();
        var germany = await host.AsAsync("de.analyst");
        var before = await germany.GetStringAsync(new Uri("/api/v1/entities/DE:BPOL-2026-7781", UriKind.Relative));

        var import = await ImportAsync(await host.AsAsync("mt.analyst"), null,
            """{"id":"BPOL-2026-7781","schema":"Person","properties":{"name":["<script>alert(1)</script>"]}}""" + "\n" +
            """{"id":"DE:BPOL-2026-7781","schema":"Person","properties":{"name":["Forged Name"]}}""");
        var after = await germany.GetStringAsync(new Uri("/api/v1/entities/DE:BPOL-2026-7781", UriKind.Relative));

        Assert.True(import.IsSuccessStatusCode, await import.Content.ReadAsStringAsync());
        Assert.Equal(before, after);
        Assert.DoesNotContain("script", after, StringComparison.Ordinal);
        Assert.NotNull(await host.Store.Contributions.ReadEntityAsync("MT:DE:BPOL-2026-7781", Tessera.Storage.Tests.TestStores.User("MT", Core.Access.Role.Analyst)));
    }

    [Fact]
    public async Task ThirdCountry_LearnsOnlyOfWhatWasTransferableToIt()
    {
        await using var host = await TestHost.StartAsync();
        var serbia = await host.AsAsync("rs.analyst");
        var germany = await host.AsAsync("de.analyst");

        // Italy's phone: Germany may learn that a hit exists, Serbia (a third country without a transfer) not even that.
        var italian = await (await TestHost.SearchAsync(serbia, ItalianPhone)).Content.ReadFromJsonAsync<JsonElement>();
        var italianForGermany = await (await TestHost.SearchAsync(germany, ItalianPhone)).Content.ReadFromJsonAsync<JsonElement>();
        var record = await serbia.GetAsync(new Uri("/api/v1/entities/IT:it-p-002", UriKind.Relative));
        var unknown = await serbia.GetAsync(new Uri("/api/v1/entities/IT:it-p-999", UriKind.Relative));
        // Germany marked its Western Balkan cells transferable to Serbia under the Europol–Serbia agreement: a hit, no values.
        var german = await (await TestHost.SearchAsync(serbia, "+905327654321")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(0, italian.GetArrayLength());
        Assert.NotEqual(0, italianForGermany.GetArrayLength());
        Assert.Equal(HttpStatusCode.NotFound, record.StatusCode);
        Assert.Equal(Scrub(await unknown.Content.ReadAsStringAsync(), "x"), Scrub(await record.Content.ReadAsStringAsync(), "x"));
        Assert.Contains(german.EnumerateArray(), r => r.GetProperty("disclosure").GetString() == "hit-only" && r.GetProperty("withheld")[0].GetProperty("owner").GetString() == "DE");
        Assert.DoesNotContain("Hussein", german.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Notices_OfHitsTheInboxWithholds_AreNotShown()
    {
        await using var host = await TestHost.StartAsync();
        foreach (var user in new[] { "it.analyst", "mt.analyst", "de.analyst", "gr.analyst" })
        {
            var client = await host.AsAsync(user);
            var inbox = (await client.GetFromJsonAsync<JsonElement>("/api/v1/hits")).EnumerateArray().Select(h => h.GetProperty("id").GetInt64()).ToHashSet();
            var notices = await client.GetFromJsonAsync<JsonElement>("/api/v1/notices");

            foreach (var notice in notices.EnumerateArray().Where(n => n.GetProperty("hitId").ValueKind == JsonValueKind.Number))
            {
                Assert.Contains(notice.GetProperty("hitId").GetInt64(), inbox);
            }
        }
    }

    private static string Scrub(string body, string caseId) =>
        Regex.Replace(body.Replace(caseId, "CASE", StringComparison.Ordinal), "\"traceId\":\"[^\"]*\"", "");

    private static Task<HttpResponseMessage> ImportAsync(HttpClient client, string? caseId, string lines) =>
        TestHost.ImportFtmAsync(client, lines, caseId: caseId, file: "intercept.ftm.json");
}
