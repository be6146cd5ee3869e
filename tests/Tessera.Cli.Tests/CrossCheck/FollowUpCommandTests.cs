using System.Text.Json;

namespace Tessera.Cli.Tests.CrossCheck;

/// <summary>The command line contract of the hit follow-up: hits list/confirm/reject, requests add/list/decide, entities get,
/// with refusals exiting 77 and ids the user may not know of answered like unknown ones (exit 2).</summary>
[Collection(CliSerial.Name)]
public sealed class FollowUpCommandTests
{
    [Fact]
    public async Task HitToReleaseToRevocation_ThroughTheCommandLine_EachUserSeesWhatThePolicyAllows()
    {
        var cli = await SetUpAsync();

        // The hit: Italy sees Greece's record only as a reference; Malta and Serbia see nothing.
        var itHits = Json(await OkAsync(cli, "hits", "list", "--as", "it.analyst", "--json"));
        var hit = Assert.Single(itHits.EnumerateArray().ToList());
        var id = hit.GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(("same-person", "new", "GR", "IT:it-1"), (hit.GetProperty("kind").GetString(), hit.GetProperty("status").GetString(),
            hit.GetProperty("otherOrg").GetString(), hit.GetProperty("entity").GetString()));
        Assert.Equal(JsonValueKind.Null, hit.GetProperty("otherEntity").ValueKind);
        Assert.StartsWith("REF-", hit.GetProperty("reference").GetString(), StringComparison.Ordinal);
        Assert.Empty(Json(await OkAsync(cli, "hits", "list", "--as", "mt.analyst", "--json")).EnumerateArray());
        Assert.Empty(Json(await OkAsync(cli, "hits", "list", "--as", "rs.analyst", "--json")).EnumerateArray());
        Assert.Equal("HitOnly", Json(await OkAsync(cli, "entities", "get", "GR:gr-1", "--as", "it.analyst", "--json")).GetProperty("decision").GetString());

        // Unknown and unknowable ids alike exit 2; a refusal exits 77 with one line.
        var unknown = await cli.RunAsync("hits", "confirm", "999", "--as", "it.analyst", "--reason", "x");
        var unknowable = await cli.RunAsync("hits", "confirm", id, "--as", "mt.analyst", "--reason", "x");
        Assert.Equal((2, 2), (unknown.Code, unknowable.Code));
        Assert.Equal(unknown.Err.Replace("999", id, StringComparison.Ordinal), unknowable.Err);
        Assert.Equal(2, (await cli.RunAsync("entities", "get", "GR:gr-1", "--as", "mt.analyst", "--json")).Code);
        Assert.Equal(2, (await cli.RunAsync("entities", "get", "GR:nothing", "--as", "mt.analyst", "--json")).Code);

        Assert.Equal(0, (await cli.RunAsync("hits", "confirm", id, "--as", "it.analyst", "--reason", "same person, same birth date")).Code);
        Assert.Equal("confirmed", Json(await OkAsync(cli, "hits", "list", "--as", "it.analyst", "--json"))[0].GetProperty("status").GetString());

        // The request: 48 hours after a confirmed match; Greece sees it incoming, Malta nothing.
        var request = (await OkAsync(cli, "requests", "add", id, "--as", "it.analyst", "--purpose", "identify the skipper")).Trim();
        Assert.True(long.TryParse(request, out _));
        var incoming = Json(await OkAsync(cli, "requests", "list", "--as", "gr.analyst", "--json"))[0];
        Assert.Equal(("open", "IT", "GR"), (incoming.GetProperty("status").GetString(), incoming.GetProperty("fromOrg").GetString(), incoming.GetProperty("toOrg").GetString()));
        Assert.True(incoming.TryGetProperty("due", out _));
        Assert.Empty(Json(await OkAsync(cli, "requests", "list", "--as", "mt.analyst", "--json")).EnumerateArray());
        Assert.Equal(2, (await cli.RunAsync("requests", "add", id, "--as", "it.analyst", "--purpose", "again")).Code);
        Assert.Equal(2, (await cli.RunAsync("requests", "add", id, "--as", "it.analyst", "--purpose", "  ")).Code);

        // Italy may not answer for Greece (77); Malta may not know of the request (2); H2 data waits for a supervisor.
        var refused = await cli.RunAsync("requests", "decide", request, "--as", "it.analyst", "--release", "all", "--reason", "mine");
        Assert.Equal(77, refused.Code);
        Assert.Single(CliRun.WithoutStoreLine(refused.Err).Trim().Split('\n'));
        Assert.Equal(2, (await cli.RunAsync("requests", "decide", request, "--as", "mt.analyst", "--release", "all", "--reason", "x")).Code);
        Assert.Contains("awaiting-approval", await OkAsync(cli, "requests", "decide", request, "--as", "gr.analyst", "--release", "all", "--reason", "agreed"), StringComparison.Ordinal);
        Assert.Equal(77, (await cli.RunAsync("requests", "decide", request, "--as", "gr.analyst", "--release", "all", "--reason", "approve myself")).Code);
        Assert.Equal("HitOnly", Json(await OkAsync(cli, "entities", "get", "GR:gr-1", "--as", "it.analyst", "--json")).GetProperty("decision").GetString());
        Assert.Contains("released", await OkAsync(cli, "requests", "decide", request, "--as", "gr.supervisor", "--release", "all", "--reason", "approved"), StringComparison.Ordinal);

        // Released: Italy sees the record at once; Malta and Serbia still nothing.
        var released = Json(await OkAsync(cli, "entities", "get", "GR:gr-1", "--as", "it.analyst", "--json"));
        Assert.Equal(("Allow", "GR:gr-1"), (released.GetProperty("decision").GetString(), released.GetProperty("id").GetString()));
        Assert.Equal("Hasan Ali", released.GetProperty("properties").GetProperty("name")[0].GetString());
        Assert.Equal("GR:gr-1", Json(await OkAsync(cli, "hits", "list", "--as", "it.analyst", "--json"))[0].GetProperty("otherEntity").GetString());
        Assert.Equal(2, (await cli.RunAsync("entities", "get", "GR:gr-1", "--as", "rs.analyst", "--json")).Code);

        // Revoked: withheld again.
        Assert.Equal(0, (await cli.RunAsync("requests", "revoke", request, "--as", "gr.analyst", "--reason", "consent withdrawn")).Code);
        Assert.Equal("HitOnly", Json(await OkAsync(cli, "entities", "get", "GR:gr-1", "--as", "it.analyst", "--json")).GetProperty("decision").GetString());
        Assert.Equal(0, (await cli.RunAsync("audit", "verify")).Code);
    }

    [Fact]
    public async Task Reject_TheHitLeavesTheOpenInbox_AndTheSameRecordsNeverHitAgain()
    {
        var cli = await SetUpAsync();
        var id = Json(await OkAsync(cli, "hits", "list", "--as", "it.analyst", "--json"))[0].GetProperty("id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(2, (await cli.RunAsync("hits", "reject", id, "--as", "it.analyst", "--reason", " ")).Code);
        Assert.Equal(0, (await cli.RunAsync("hits", "reject", id, "--as", "it.analyst", "--reason", "different father's name")).Code);

        Assert.Empty(Json(await OkAsync(cli, "hits", "list", "--as", "it.analyst", "--json")).EnumerateArray());
        Assert.Single(Json(await OkAsync(cli, "hits", "list", "--as", "it.analyst", "--status", "rejected", "--json")).EnumerateArray());
        var again = await cli.RunAsync("import", cli.WriteFile("it2.ftm.json", """{"id":"it-1","schema":"Person","properties":{"name":["Hassan Ali"],"birthDate":["1988-02-03"],"nationality":["ly"],"notes":["seen again"]}}"""), "--org", "IT");
        Assert.Contains("cross-check: 0 hits", again.Out, StringComparison.Ordinal);
    }

    private static async Task<string> OkAsync(CliRun cli, params string[] args)
    {
        var (code, output, error) = await cli.RunAsync(args);
        Assert.True(code == 0, $"{string.Join(' ', args)} exited {code}: {error}");
        return output;
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();

    private static async Task<CliRun> SetUpAsync()
    {
        var cli = new CliRun();
        foreach (var (code, kind) in new[] { ("IT", "member-state"), ("GR", "member-state"), ("MT", "member-state"), ("EU-HUB", "eu-agency"), ("RS", "third-country") })
        {
            Assert.Equal(0, (await cli.RunAsync("orgs", "add", code, "--name", code, "--country", code == "EU-HUB" ? "EU" : code, "--kind", kind)).Code);
        }

        Assert.Equal(0, (await cli.RunAsync("orgs", "hub", "EU-HUB")).Code);
        foreach (var (user, org, roles) in new[] { ("it.analyst", "IT", "analyst"), ("gr.analyst", "GR", "analyst"), ("gr.supervisor", "GR", "supervisor"), ("mt.analyst", "MT", "analyst"), ("rs.analyst", "RS", "analyst") })
        {
            Assert.Equal(0, (await cli.RunAsync("users", "add", user, "--org", org, "--roles", roles, "--password", "a-long-password-1")).Code);
        }

        // Greece's record is in a case with Italy under H3 (its own words): Italy learns only that it exists.
        Assert.Equal(0, (await cli.RunAsync("cases", "add", "C1", "--title", "Evros", "--owner", "GR", "--members", "IT")).Code);
        Assert.Equal(0, (await cli.RunAsync("import", cli.WriteFile("gr.ftm.json", """{"id":"gr-1","schema":"Person","properties":{"name":["Hasan Ali"],"birthDate":["1988-02-03"],"nationality":["ly"],"phone":["+30 691 234 5678"]}}"""),
            "--org", "GR", "--case", "C1", "--handling", "H2,H3", "--h3", "only for the joint investigation")).Code);
        Assert.Equal(0, (await cli.RunAsync("import", cli.WriteFile("it.ftm.json", """{"id":"it-1","schema":"Person","properties":{"name":["Hassan Ali"],"birthDate":["1988-02-03"],"nationality":["ly"]}}"""), "--org", "IT")).Code);
        return cli;
    }
}
