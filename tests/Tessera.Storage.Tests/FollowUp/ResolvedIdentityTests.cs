using Tessera.Core.Access;
using Tessera.Core.Model;
using Tessera.Storage.Directory;
using Tessera.Storage.FollowUp;
using Tessera.Storage.Graph;

namespace Tessera.Storage.Tests.FollowUp;

/// <summary>Records of one resolved identity (a confirmed match, one IMO number) show as one node of the network and one
/// search result, only as far as the policy lets each user see them, and as two again after a split.</summary>
public sealed class ResolvedIdentityTests
{
    private static readonly Principal ItAnalyst = new("it.analyst", "IT", new HashSet<Role> { Role.Analyst });
    private static readonly Principal MtAnalyst = new("mt.analyst", "MT", new HashSet<Role> { Role.Analyst });

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task ConfirmedPerson_SharedWithTheCase_IsOneNodeAndOneResultHeldByBoth(string provider)
    {
        await using var store = await SeedAsync(provider, "H0");

        var view = await NetworkView.BuildAsync(store, ItAnalyst, null);
        var person = Assert.Single(view.Nodes, n => n.Schema == "Person");
        Assert.Equal(("GR:gr-7", "GR:gr-7 IT:it-3", "GR IT"), (person.Id, string.Join(' ', person.Members), string.Join(' ', person.Organisations)));
        Assert.Equal("Mohammed Al-Zuwari", person.Caption);
        // Both providers' vessels carry one IMO number: one node, and the two ownerships are one tie between the two nodes.
        var vessel = Assert.Single(view.Nodes, n => n.Schema == "Vessel");
        Assert.Equal(["GR:gr-v", "IT:it-v"], vessel.Members);
        var owns = Assert.Single(view.Edges);
        Assert.Equal(("GR:gr-7", "GR:gr-v", "owns (Ownership)"), (owns.Source, owns.Target, owns.Label));
        Assert.Equal(2, view.Nodes.Count);

        // A member's id still names its node: expanding, paths and a chart's subset map it.
        Assert.Equal(2, view.Ego("IT:it-3").Nodes.Count);
        Assert.Equal(["GR:gr-7", "GR:gr-v"], Assert.Single(view.PathsBetween("IT:it-3", "IT:it-v")));
        Assert.Single(view.Subset(["IT:it-3"]).Nodes);
        Assert.Equal(2, (await NetworkReads.ExpandAsync(store, ItAnalyst, "IT:it-v", null, 1, default)).Nodes.Count);

        var result = Assert.Single(await store.Contributions.SearchAsync("Zuwari", ItAnalyst));
        Assert.Equal("GR:gr-7", result.Id);
        Assert.Equal(["GR", "IT"], result.Statements.Select(s => s.Contribution.Organisation).Distinct().Order());
        Assert.Single(await store.Contributions.SearchAsync("9074729", ItAnalyst));

        // Malta holds nothing and may see neither record.
        Assert.Empty((await NetworkView.BuildAsync(store, MtAnalyst, null)).Nodes);
        Assert.Empty(await store.Contributions.SearchAsync("Zuwari", MtAnalyst));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task ConfirmedPerson_OtherRecordHitOnly_NodeShowsOnlyTheOwnRecord(string provider)
    {
        // Greece shares its records with the case under H3: Italy may only learn that they exist.
        await using var store = await SeedAsync(provider, "H3");

        var view = await NetworkView.BuildAsync(store, ItAnalyst, null);
        Assert.Equal(["IT:it-3", "IT:it-v"], view.Nodes.Select(n => n.Id).Order());
        Assert.All(view.Nodes, n => Assert.Equal((n.Id, "IT"), (string.Join(' ', n.Members), string.Join(' ', n.Organisations))));
        Assert.DoesNotContain(view.Nodes, n => n.Caption.Contains("Mohammed", StringComparison.Ordinal));
        Assert.DoesNotContain(view.Edges, e => e.Source.StartsWith("GR:", StringComparison.Ordinal) || e.Target.StartsWith("GR:", StringComparison.Ordinal));
        Assert.Empty(view.Ego("GR:gr-7").Nodes);
        Assert.Empty(view.PathsBetween("GR:gr-7", "IT:it-v"));
        var export = await NetworkReads.ExportAsync(store, ItAnalyst, null, "graphml", null, default);
        Assert.DoesNotContain("gr-", export, StringComparison.Ordinal);
        Assert.DoesNotContain("Mohammed", export, StringComparison.Ordinal);

        var result = Assert.Single(await store.Contributions.SearchAsync("Zuwari", ItAnalyst));
        Assert.Equal(("IT:it-3", "IT"), (result.Id, string.Join(' ', result.Statements.Select(s => s.Contribution.Organisation).Distinct())));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Split_ThePersonsShowApartAgain(string provider)
    {
        await using var store = await SeedAsync(provider, "H0");
        Assert.Single(await store.Contributions.SearchAsync("Zuwari", ItAnalyst));

        await store.FollowUp.SplitAsync(ItAnalyst, "IT:it-3", "GR:gr-7", "different fathers' names");

        var view = await NetworkView.BuildAsync(store, ItAnalyst, null);
        Assert.Equal(["GR:gr-7", "IT:it-3"], view.Nodes.Where(n => n.Schema == "Person").Select(n => n.Id).Order());
        Assert.Equal(2, view.Edges.Count);
        Assert.Single(view.Nodes, n => n.Schema == "Vessel");
        Assert.Equal(["GR:gr-7", "IT:it-3"], (await store.Contributions.SearchAsync("Zuwari", ItAnalyst)).Select(r => r.Id));
        Assert.Single(await store.Contributions.SearchAsync("Zuwari", ItAnalyst, limit: 1, offset: 1));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Vessels_OfTwoOrganisationsWithOneImoNumber_AreOneNodeWithoutAJudgement(string provider)
    {
        await using var store = await TestStores.CreateAsync(provider);
        await AddOrganisationsAsync(store);
        await ContributeAsync(store, "GR", "OP-X", "H0", "g", Vessel("v-1", "SEA STAR"));
        await ContributeAsync(store, "IT", null, "H0", "i", Vessel("v-2", "Sea Star"), Vessel("v-3", "Blue Dolphin", "9176187"));

        var view = await NetworkView.BuildAsync(store, ItAnalyst, null);

        Assert.Equal(2, view.Nodes.Count);
        var star = Assert.Single(view.Nodes, n => n.Members.Count > 1);
        Assert.Equal(("GR:v-1", "GR:v-1 IT:v-2", "GR IT"), (star.Id, string.Join(' ', star.Members), string.Join(' ', star.Organisations)));
        Assert.Empty(view.Edges);
        Assert.Equal("GR:v-1", Assert.Single(await store.Contributions.SearchAsync("star", ItAnalyst)).Id);
        Assert.Equal(["GR:v-1", "IT:v-3"], (await store.Contributions.SearchAsync("IMO", ItAnalyst)).Select(r => r.Id));
        Assert.Equal("IT:v-3", Assert.Single(await store.Contributions.SearchAsync("IMO", ItAnalyst, limit: 1, offset: 1)).Id);
    }

    // Greece holds a person owning a vessel (shared with case OP-X under the given code); Italy holds the same person and
    // vessel, and confirms every hit.
    private static async Task<Store> SeedAsync(string provider, string greekHandling)
    {
        var store = await TestStores.CreateAsync(provider);
        await AddOrganisationsAsync(store);
        await ContributeAsync(store, "GR", "OP-X", greekHandling, "g",
            Person("gr-7", "Mohammed Al-Zuwari"), Vessel("gr-v", "SEA STAR"), Ownership("gr-o", "gr-7", "gr-v"));
        var it = await ContributeAsync(store, "IT", null, "H0", "i",
            Person("it-3", "Muhammad Al Zuwari"), Vessel("it-v", "Sea Star"), Ownership("it-o", "it-3", "it-v"));
        Assert.NotEmpty(await store.CrossCheck.CheckContributionAsync(it));
        foreach (var group in (await store.FollowUp.InboxAsync(ItAnalyst, new HitGroupFilter())).Groups)
        {
            await store.FollowUp.JudgeAsync(ItAnalyst, group.Id, true, "same person: name, birth date, vessel");
        }

        return store;
    }

    private static async Task AddOrganisationsAsync(Store store)
    {
        foreach (var code in new[] { "IT", "GR", "MT" })
        {
            await store.Directory.AddOrganisationAsync(new Organisation(code, code, code, "member-state"), Principal.System);
        }

        await store.Directory.AddCaseAsync("OP-X", "Zuwara departures", "GR", ["IT"], Principal.System);
    }

    private static async Task<long> ContributeAsync(Store store, string org, string? caseId, string handling, string hash, params Entity[] entities) =>
        (await store.Contributions.WriteAsync(TestStores.Contribution(org, caseId, handling, hash), entities, TestStores.User(org, Role.Analyst))).ContributionId;

    private static Entity Person(string id, string name) =>
        new(id, "Person", [new("name", name), new("birthDate", "1985-03-01", "1985-03-01"), new("nationality", "ly", "LY")]);

    private static Entity Vessel(string id, string name, string imo = "9074729") =>
        new(id, "Vessel", [new("name", name), new("imoNumber", "IMO " + imo, imo)]);

    private static Entity Ownership(string id, string owner, string asset) =>
        new(id, "Ownership", [new("owner", owner), new("asset", asset)]);
}
