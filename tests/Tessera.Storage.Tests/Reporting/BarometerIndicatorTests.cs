using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using Tessera.Core.Access;
using Tessera.Core.FollowUp;
using Tessera.Core.Model;
using Tessera.Core.Reporting;
using Tessera.Storage.Directory;
using Tessera.Storage.FollowUp;
using Tessera.Storage.CrossCheck;

namespace Tessera.Storage.Tests.Reporting;

/// <summary>Known contributions, checks, hits, requests and releases seeded through the stores; every indicator of the
/// Barometer+ has the value the seed implies, and small counts are suppressed with their complementary cells.</summary>
public sealed class BarometerIndicatorTests
{
    private static readonly Principal Policy = new("eu.policy", "EU", new HashSet<Role> { Role.PolicyOfficer });
    private static readonly Principal ItSupervisor = new("it.supervisor", "IT", new HashSet<Role> { Role.Supervisor });
    private static readonly Principal ItAnalyst = new("it.analyst", "IT", new HashSet<Role> { Role.Analyst });
    private static readonly Principal GrAnalyst = new("gr.analyst", "GR", new HashSet<Role> { Role.Analyst });
    private static readonly ReportPeriod November = ReportPeriod.Parse("2026-11", "2026-11");

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Report_SeededData_EachIndicatorHasItsValueAndSmallCountsAreSuppressed(string provider)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 5, 9, 0, 0, TimeSpan.Zero));
        await using var store = await SeedAsync(provider, time);

        // October: Italy 5 contributions. November: Italy 6, Greece 7 (2 of them H2, which the hub may not read), Malta 3.
        for (var i = 0; i < 5; i++)
        {
            await ContributeAsync(store, "IT", "H0", "oct" + i, new DateTimeOffset(2026, 10, 3 + i, 9, 0, 0, TimeSpan.Zero), Person("it-o" + i, "Old Person " + i, "1970-01-0" + (i + 1)));
        }

        var itIds = new List<long>();
        for (var i = 0; i < 6; i++)
        {
            itIds.Add(await ContributeAsync(store, "IT", "H0", "it" + i, Nov(2 + i), Person("it-" + i, Names[i], BirthDates[i])));
        }

        var grIds = new List<long>();
        for (var i = 0; i < 7; i++)
        {
            grIds.Add(await ContributeAsync(store, "GR", i < 5 ? "H0" : "H0,H2", "gr" + i, Nov(3 + i), Person("gr-" + i, i < 5 ? Names[i] : "Unrelated Person " + i, i < 5 ? BirthDates[i] : "1990-02-0" + i)));
        }

        for (var i = 0; i < 3; i++)
        {
            await ContributeAsync(store, "MT", "H0", "mt" + i, Nov(4 + i), Person("mt-" + i, "Malta Person " + i, "1980-03-0" + (i + 1)));
        }

        // The cross-check of Greece's contributions finds Italy's five persons: five hits, each between Italy and Greece.
        foreach (var id in grIds)
        {
            await store.CrossCheck.CheckContributionAsync(id);
        }

        // Italy asks for each withheld record; Greece releases all five two hours later, within the deadline.
        var groups = (await store.FollowUp.InboxAsync(ItAnalyst, new HitGroupFilter(Limit: 100))).Groups.Where(g => g.OtherOrganisation == "GR").ToList();
        Assert.Equal(5, groups.Count);
        var requests = new List<long>();
        foreach (var g in groups)
        {
            requests.Add(await store.FollowUp.RequestAsync(ItAnalyst, g.Id, "identify the skipper", urgent: false));
        }

        time.Advance(TimeSpan.FromHours(2));
        foreach (var r in requests)
        {
            await store.FollowUp.DecideAsync(GrAnalyst, r, ReleaseScope.All, "for the joint case");
        }

        // Checks: Italy 10 against a SIS extract (3 with a hit), Greece 5 against Interpol's SLTD (none with a hit), Malta 4 against all data.
        for (var i = 0; i < 10; i++)
        {
            await store.Hits.LogCheckAsync(new CheckLogEntry(Nov(10), "it.analyst", "IT", "SIS-alerts-2026.csv", "person", i < 3 ? "hit" : "no-hit", i < 3 ? 1 : 0));
        }

        for (var i = 0; i < 5; i++)
        {
            await store.Hits.LogCheckAsync(new CheckLogEntry(Nov(11), "gr.analyst", "GR", "interpol-sltd", "identifier", "no-hit", 0));
        }

        for (var i = 0; i < 4; i++)
        {
            await store.Hits.LogCheckAsync(new CheckLogEntry(Nov(12), "mt.analyst", "MT", "all", "person", "no-hit", 0));
        }

        var report = await store.Barometer.ReportAsync(Policy, November);
        double? V(string key, string? org = null) => report.Find(key, org)?.Value;
        double? P(string key, string? org = null) => report.Find(key, org)?.Previous;

        // Contributions: 16 in November; Malta's 3 is suppressed and, the total being visible, so is the next smallest (Italy's 6):
        // two hidden cells of 9 in all, so neither can be read back from the total.
        Assert.Equal(16, V("contributions.count"));
        Assert.Equal(7, V("contributions.count", "GR"));
        Assert.Null(V("contributions.count", "MT"));
        Assert.Null(V("contributions.count", "IT"));
        Assert.Equal(5, P("contributions.count"));
        Assert.Equal(5, P("contributions.count", "IT"));
        Assert.Equal(0, V("contributions.count", "EU"));
        Assert.Equal(16, V("contributions.entities"));
        Assert.Equal(7, V("contributions.entities", "GR"));

        // The hub reads Italy's 6, Greece's 5 under H0 and Malta's 3: hiding Malta's 3 and Greece's 5 leaves 8 < 2 × 5 − 1, so Italy's goes too.
        Assert.Equal(14, V("contributions.hub"));
        Assert.Equal([null, null, null], new[] { "GR", "IT", "MT" }.Select(o => V("contributions.hub", o)));

        // Malta's 4 checks and Greece's 5 are hidden (9 in all), Italy's 10 shown.
        Assert.Equal(19, V("checks.count"));
        Assert.Equal(10, V("checks.count", "IT"));
        Assert.Null(V("checks.count", "GR"));
        Assert.Equal(30, V("checks.hit-rate", "IT"));
        Assert.Equal(0, V("checks.hit-rate", "GR"));
        Assert.Null(V("checks.hit-rate", "MT"));
        Assert.Equal(10, V("checks.system:SIS", "IT"));
        Assert.Equal(10, V("checks.system:SIS"));
        Assert.Equal(5, V("checks.system:SLTD", "GR"));
        Assert.Null(V("checks.system:Tessera"));

        Assert.Equal(5, V("hits.count"));
        Assert.Equal(5, V("hits.count", "IT"));
        Assert.Equal(5, V("hits.count", "GR"));
        Assert.Equal(5, V("requests.count", "IT"));
        Assert.Equal(5, V("requests.decided", "GR"));
        Assert.Equal(100, V("requests.on-time", "GR"));
        Assert.Equal(2, V("requests.hours-to-decision", "GR"));
        Assert.Null(V("requests.on-time", "IT"));
        Assert.Equal(5, V("releases.count", "GR"));
        Assert.Equal(0, V("releases.count", "IT"));

        // One shared case, opened on 5 November: a count of one is never shown.
        Assert.Null(V("cases.shared"));
        Assert.Null(V("cases.shared", "IT"));
        Assert.Null(V("sharing.days-to-first"));
        Assert.Equal(0, V("sections.level-changes"));
        Assert.Null(V("assets.seized"));
        Assert.Null(V("assets.seized:eur"));

        // The JSON contract: period, actions per organisation, indicators with organisation null for EU-wide figures.
        using var json = JsonDocument.Parse(report.ToJson());
        Assert.Equal("2026-11", json.RootElement.GetProperty("period").GetProperty("from").GetString());
        Assert.Equal(4 * BarometerActions.All.Count, json.RootElement.GetProperty("actions").GetArrayLength());
        var total = json.RootElement.GetProperty("indicators").EnumerateArray().First(i => i.GetProperty("key").GetString() == "contributions.count");
        Assert.Equal(JsonValueKind.Null, total.GetProperty("organisation").ValueKind);
        Assert.Equal(16, total.GetProperty("value").GetDouble());

        // The same data gives the same bytes, whatever the clock says.
        time.Advance(TimeSpan.FromDays(30));
        Assert.Equal(report.ToJson(), (await store.Barometer.ReportAsync(Policy, November)).ToJson());
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Actions_SetWithEvidence_OnlyForTheOwnOrganisationAndAudited(string provider)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 5, 9, 0, 0, TimeSpan.Zero));
        await using var store = await SeedAsync(provider, time);
        var gr = await ContributeAsync(store, "GR", "H0", "g", Nov(2), Person("gr-1", "Someone", "1980-01-01"));

        var set = await store.Actions.SetAsync(ItSupervisor, "IT", "I.1", ActionStatus.UnderWay, ["case:C1", "https://example.org/plan"], "first steps");
        Assert.Equal(ActionStatus.UnderWay, set.Status);
        await store.Actions.SetAsync(ItSupervisor, "IT", "I.1", ActionStatus.Done, ["case:C1"], "all cases shared");

        // Another organisation's status, an analyst, evidence that is not Italy's own, an unknown action: refused.
        await Assert.ThrowsAsync<AccessRefusedException>(() => store.Actions.SetAsync(new("gr.policy", "GR", new HashSet<Role> { Role.PolicyOfficer }), "IT", "I.1", ActionStatus.NotStarted, []));
        await Assert.ThrowsAsync<AccessRefusedException>(() => store.Actions.SetAsync(ItAnalyst, "IT", "I.1", ActionStatus.NotStarted, []));
        var foreign = await Assert.ThrowsAsync<ModelException>(() => store.Actions.SetAsync(ItSupervisor, "IT", "I.2", ActionStatus.Done, ["contribution:" + gr.ToString(CultureInfo.InvariantCulture)]));
        Assert.Equal("evidence", foreign.Field);
        var missing = await Assert.ThrowsAsync<ModelException>(() => store.Actions.SetAsync(ItSupervisor, "IT", "I.2", ActionStatus.Done, ["contribution:999999"]));
        Assert.Equal(foreign.Message.Replace(gr.ToString(CultureInfo.InvariantCulture), "999999", StringComparison.Ordinal), missing.Message);
        await Assert.ThrowsAsync<ModelException>(() => store.Actions.SetAsync(ItSupervisor, "IT", "I.2", ActionStatus.Done, ["javascript:alert(1)"]));
        await Assert.ThrowsAsync<ModelException>(() => store.Actions.SetAsync(ItSupervisor, "IT", "IX.9", ActionStatus.Done, []));
        await Assert.ThrowsAsync<ModelException>(() => store.Actions.SetAsync(ItSupervisor, "IT", "I.2", ActionStatus.Done, [], since: new DateOnly(2027, 1, 1)));

        var statuses = await store.Actions.StatusesAsync(Policy);
        var i1 = Assert.Single(statuses);
        Assert.Equal(("IT", "I.1", ActionStatus.Done, "case:C1"), (i1.Organisation, i1.ActionId, i1.Status, Assert.Single(i1.Evidence)));
        var history = await store.Actions.HistoryAsync(Policy, "IT", "I.1");
        Assert.Equal([ActionStatus.NotStarted, ActionStatus.UnderWay], history.Select(h => h.Previous));
        var audit = await store.Audit.ReadAsync().ToListAsync();
        Assert.Equal(2, audit.Count(e => e.Action == "action.set" && e.Outcome == "ok"));
        Assert.Equal(2, audit.Count(e => e.Action == "action.set" && e.Outcome == nameof(Decision.Deny)));

        // An analyst reads aggregates but may not generate the report; the report shows Italy's status.
        await Assert.ThrowsAsync<AccessRefusedException>(() => store.Barometer.ReportAsync(ItAnalyst, November));
        var report = await store.Barometer.ReportAsync(ItSupervisor, November);
        Assert.Equal(ActionStatus.Done, report.Actions.Single(a => a.Organisation == "IT" && a.ActionId == "I.1").Status);
        Assert.Equal(ActionStatus.NotStarted, report.Actions.Single(a => a.Organisation == "GR" && a.ActionId == "I.1").Status);
    }

    private static readonly string[] Names = ["Ahmed Salem Baraka", "Yusuf Omar Haddad", "Karim Nabil Fathi", "Samir Adel Mansour", "Tarek Fouad Zidan", "Nour Hamid Saleh"];
    private static readonly string[] BirthDates = ["1981-04-12", "1979-09-03", "1990-12-25", "1985-06-30", "1977-02-14", "1993-08-08"];

    private static DateTimeOffset Nov(int day) => new(2026, 11, day, 9, 0, 0, TimeSpan.Zero);

    private static async Task<Store> SeedAsync(string provider, TimeProvider time)
    {
        var store = await TestStores.CreateAsync(provider, time);
        foreach (var (code, kind) in new[] { ("IT", "member-state"), ("GR", "member-state"), ("MT", "member-state"), ("EU", "eu-agency"), ("RS", "third-country") })
        {
            await store.Directory.AddOrganisationAsync(new Organisation(code, code, code, kind), Principal.System);
        }

        await store.Directory.AddCaseAsync("C1", "Zuwara departures", "IT", ["GR"], Principal.System);
        await store.Settings.SetHubAsync("EU", Principal.System);
        return store;
    }

    private static async Task<long> ContributeAsync(Store store, string org, string handling, string hash, DateTimeOffset created, Entity entity) =>
        (await store.Contributions.WriteAsync(TestStores.Contribution(org, null, handling, hash) with { Created = created }, [entity], TestStores.User(org, Role.Analyst))).ContributionId;

    private static Entity Person(string id, string name, string birthDate) =>
        new(id, "Person", [new("name", name), new("birthDate", birthDate, birthDate), new("nationality", "ly", "LY")]);
}
