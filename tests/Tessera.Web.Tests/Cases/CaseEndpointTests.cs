using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Tessera.Web.Tests.Cases;

/// <summary>The case workspace API: members read the case and its notes and add notes; everyone else gets 404.</summary>
public sealed class CaseEndpointTests
{
    [Fact]
    public async Task Cases_ListsOnlyTheCallersCases()
    {
        await using var host = await TestHost.StartAsync();

        var italian = await (await host.AsAsync("it.analyst")).GetFromJsonAsync<JsonElement>("/api/v1/cases");
        var german = await (await host.AsAsync("de.analyst")).GetFromJsonAsync<JsonElement>("/api/v1/cases");

        Assert.Equal(["OP-ZUWARA"], italian.EnumerateArray().Select(c => c.GetProperty("id").GetString()));
        Assert.Equal(["OP-BALKAN"], german.EnumerateArray().Select(c => c.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Case_Partner_SeesMembersAndTheOwnersContributions()
    {
        await using var host = await TestHost.StartAsync();

        var view = await (await host.AsAsync("mt.analyst")).GetFromJsonAsync<JsonElement>("/api/v1/cases/OP-ZUWARA");

        Assert.Equal("IT", view.GetProperty("case").GetProperty("owner").GetString());
        Assert.Equal(["EU-HUB", "IT", "MT"], view.GetProperty("case").GetProperty("members").EnumerateArray().Select(m => m.GetString()));
        var providers = view.GetProperty("contributions").EnumerateArray().Select(c => c.GetProperty("provider").GetString()).ToList();
        Assert.Contains("IT", providers);
        Assert.Contains("MT", providers);
        Assert.All(view.GetProperty("contributions").EnumerateArray(), c => Assert.True(c.GetProperty("entities").GetInt32() > 0));
    }

    [Theory]
    [InlineData("de.analyst")]
    [InlineData("policy.officer")]
    [InlineData("auditor")]
    public async Task CaseAndNotes_NotAMember_AreNotFoundAndNothingIsAdded(string user)
    {
        await using var host = await TestHost.StartAsync();
        var client = await host.AsAsync(user);

        var view = await client.GetAsync(new Uri("/api/v1/cases/OP-ZUWARA", UriKind.Relative));
        var notes = await client.GetAsync(new Uri("/api/v1/cases/OP-ZUWARA/notes", UriKind.Relative));
        var add = await client.PostAsJsonAsync("/api/v1/cases/OP-ZUWARA/notes", new { text = "let me in" });
        var unknown = await client.GetAsync(new Uri("/api/v1/cases/NO-SUCH-CASE", UriKind.Relative));

        Assert.Equal([HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound, HttpStatusCode.NotFound],
            new[] { view.StatusCode, notes.StatusCode, add.StatusCode, unknown.StatusCode });
        var italian = await (await host.AsAsync("it.analyst")).GetFromJsonAsync<JsonElement>("/api/v1/cases/OP-ZUWARA/notes");
        Assert.Equal(0, italian.GetArrayLength());
    }

    [Fact]
    public async Task Notes_MemberAdds_PartnerReadsWithAuthorAndOrganisation()
    {
        await using var host = await TestHost.StartAsync();

        var added = await (await host.AsAsync("mt.analyst")).PostAsJsonAsync("/api/v1/cases/OP-ZUWARA/notes", new { text = "AL AMAL sighted off Lampedusa" });
        var notes = await (await host.AsAsync("it.analyst")).GetFromJsonAsync<JsonElement>("/api/v1/cases/OP-ZUWARA/notes");

        Assert.Equal(HttpStatusCode.Created, added.StatusCode);
        var note = Assert.Single(notes.EnumerateArray());
        Assert.Equal(("mt.analyst", "MT", "AL AMAL sighted off Lampedusa"),
            (note.GetProperty("author").GetString(), note.GetProperty("organisation").GetString(), note.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Notes_EmptyText_IsABadRequestNamingTheField()
    {
        await using var host = await TestHost.StartAsync();

        var response = await (await host.AsAsync("it.analyst")).PostAsJsonAsync("/api/v1/cases/OP-ZUWARA/notes", new { text = "  " });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
    }
}
