using Microsoft.Extensions.Time.Testing;
using Tessera.Core.Access;
using Tessera.Core.FollowUp;
using Tessera.Core.Model;
using Tessera.Storage.Directory;
using Tessera.Storage.FollowUp;

namespace Tessera.Storage.Tests.FollowUp;

/// <summary>Two member states, the hub, an unrelated state and a third country walk a hit through triage, a confirmed match,
/// a request, a supervisor's approval, a release and its revocation; after each step every party sees exactly what the
/// policy allows.</summary>
public sealed class FollowUpScenarioTests
{
    private static readonly Principal ItAnalyst = new("it.analyst", "IT", new HashSet<Role> { Role.Analyst });
    private static readonly Principal GrAnalyst = new("gr.analyst", "GR", new HashSet<Role> { Role.Analyst });
    private static readonly Principal GrSupervisor = new("gr.supervisor", "GR", new HashSet<Role> { Role.Supervisor });
    private static readonly Principal MtAnalyst = new("mt.analyst", "MT", new HashSet<Role> { Role.Analyst });
    private static readonly Principal HubAnalyst = new("hub.analyst", "EU", new HashSet<Role> { Role.HubAnalyst }) { AtHub = true };
    private static readonly Principal RsAnalyst = new("rs.analyst", "RS", new HashSet<Role> { Role.Analyst }) { Kind = PartnerKind.ThirdCountry };

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task HitToReleaseToRevocation_EachPartySeesWhatThePolicyAllows(string provider)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 8, 0, 0, TimeSpan.Zero));
        await using var store = await SeedAsync(provider, time);
        // Greece shares its record with the joint case under H3 (its own words), Italy holds the same person.
        await ContributeAsync(store, "GR", "OP-X", "H3", "g", Person("gr-7", "Mohammed Al-Zuwari", "1985-03-01", "+218 91 555 0101"));
        var it = await ContributeAsync(store, "IT", null, "H0", "i", Person("it-3", "Muhammad Al Zuwari", "1985-03-01", null));
        Assert.Single(await store.CrossCheck.CheckContributionAsync(it));

        // 1. The hit: both sides see one new group; Italy only the owner and a reference.
        var itGroup = Assert.Single((await store.FollowUp.InboxAsync(ItAnalyst, new HitGroupFilter())).Groups);
        Assert.Equal(("new", "GR", null), (itGroup.Status, itGroup.OtherOrganisation, itGroup.Other));
        Assert.Single((await store.FollowUp.InboxAsync(new("gr.analyst", "GR", new HashSet<Role> { Role.Analyst }), new HitGroupFilter())).Groups);
        await AssertNothingAsync(store, itGroup.Id, MtAnalyst, HubAnalyst, RsAnalyst);
        Assert.True((await store.Contributions.ReadEntityAsync("GR:gr-7", ItAnalyst))!.HitOnly);

        // 2. Italy's qualified staff confirm the match; Greece is told.
        await store.FollowUp.JudgeAsync(ItAnalyst, itGroup.Id, true, "same person: name, birth date, route");
        var (confirmed, history) = (await store.FollowUp.GroupAsync(ItAnalyst, itGroup.Id))!.Value;
        Assert.Equal("confirmed", confirmed.Status);
        Assert.Contains(history, e => e.Action == "confirm" && e.User == "it.analyst");
        Assert.Contains(await store.Hits.NoticesAsync("GR"), n => n.Kind == "match-confirmed");

        // 3. Italy asks; a confirmed match gives 48 hours (Prüm II Art. 47); a second request while it is open is refused.
        var request = await store.FollowUp.RequestAsync(ItAnalyst, itGroup.Id, "identify the skipper of the 3 March landing", urgent: false);
        var incoming = Assert.Single(await store.FollowUp.RequestsAsync(GrAnalyst));
        Assert.Equal(("incoming", "open", time.GetUtcNow() + TimeSpan.FromHours(48)), (incoming.Direction, incoming.Status, incoming.Due));
        Assert.Equal("GR:gr-7", incoming.Entity);
        var outgoing = Assert.Single(await store.FollowUp.RequestsAsync(ItAnalyst));
        Assert.Null(outgoing.Entity);
        await Assert.ThrowsAsync<ModelException>(() => store.FollowUp.RequestAsync(ItAnalyst, itGroup.Id, "again", urgent: true));
        foreach (var outsider in new[] { MtAnalyst, HubAnalyst, RsAnalyst })
        {
            Assert.Empty(await store.FollowUp.RequestsAsync(outsider));
            Assert.True((await Assert.ThrowsAsync<ModelException>(() => store.FollowUp.DecideAsync(outsider, request, ReleaseScope.All, "mine"))).NotFound);
        }

        await Assert.ThrowsAsync<AccessRefusedException>(() => store.FollowUp.DecideAsync(ItAnalyst, request, ReleaseScope.All, "to myself"));

        // The owner's policy officer and auditor see aggregates only: the request does not exist for them.
        foreach (var role in new[] { Role.PolicyOfficer, Role.Auditor, Role.Administrator })
        {
            var other = new Principal("gr." + role, "GR", new HashSet<Role> { role });
            Assert.Empty(await store.FollowUp.RequestsAsync(other));
            Assert.True((await Assert.ThrowsAsync<ModelException>(() => store.FollowUp.DecideAsync(other, request, ReleaseScope.All, "x"))).NotFound);
        }

        // 4. Greece's analyst proposes to release H3 data: it waits for a supervisor; Italy still sees nothing more.
        Assert.Equal("awaiting-approval", (await store.FollowUp.DecideAsync(GrAnalyst, request, ReleaseScope.All, "JIT agrees")).Status);
        await Assert.ThrowsAsync<AccessRefusedException>(() => store.FollowUp.DecideAsync(GrAnalyst, request, ReleaseScope.All, "approve my own"));
        Assert.True((await store.Contributions.ReadEntityAsync("GR:gr-7", ItAnalyst))!.HitOnly);
        Assert.False(await FindsAsync(store, ItAnalyst, "Zuwari", "GR:gr-7"));

        // 5. The supervisor approves two hours later: Italy sees the record at once, in its inbox and on the entity.
        time.Advance(TimeSpan.FromHours(2));
        Assert.Equal("released", (await store.FollowUp.ApproveAsync(GrSupervisor, request, null)).Status);
        var released = (await store.Contributions.ReadEntityAsync("GR:gr-7", ItAnalyst))!;
        Assert.False(released.HitOnly);
        Assert.Contains(released.ToEntity().Values, v => v.Property == "phone");
        Assert.True(await FindsAsync(store, ItAnalyst, "Zuwari", "GR:gr-7"));
        Assert.False(await FindsAsync(store, MtAnalyst, "Zuwari", "GR:gr-7"));
        Assert.Equal("GR:gr-7", Assert.Single((await store.FollowUp.InboxAsync(ItAnalyst, new HitGroupFilter(HitStatus.Confirmed))).Groups).Other?.EntityId);
        Assert.Equal("GR:gr-7", Assert.Single(await store.FollowUp.RequestsAsync(ItAnalyst)).Entity);
        Assert.Contains(await store.Hits.NoticesAsync("IT"), n => n.Kind == "request-released");
        await AssertNothingAsync(store, itGroup.Id, MtAnalyst, HubAnalyst, RsAnalyst);
        Assert.Null(await store.Contributions.ReadEntityAsync("GR:gr-7", MtAnalyst));
        Assert.Null(await store.Contributions.ReadEntityAsync("GR:gr-7", RsAnalyst));

        // The confirmed match makes one identity: Italy's record is "also held by GR".
        Assert.Equal("GR:gr-7", Assert.Single(await store.FollowUp.AlsoHeldAsync(ItAnalyst, "IT:it-3")).EntityId);
        Assert.Empty(await store.FollowUp.AlsoHeldAsync(MtAnalyst, "IT:it-3"));

        // 6. Greece revokes: Italy is back to a hit with a reference; both sides audited.
        Assert.Equal("revoked", (await store.FollowUp.RevokeAsync(GrAnalyst, request, "the JIT withdrew its consent")).Status);
        Assert.True((await store.Contributions.ReadEntityAsync("GR:gr-7", ItAnalyst))!.HitOnly);
        Assert.False(await FindsAsync(store, ItAnalyst, "Zuwari", "GR:gr-7"));
        Assert.Null(Assert.Single((await store.FollowUp.InboxAsync(ItAnalyst, new HitGroupFilter(HitStatus.Confirmed))).Groups).Other);
        var actions = new List<(string Organisation, string Action)>();
        await foreach (var e in store.Audit.ReadAsync(1, 10_000))
        {
            actions.Add((e.Organisation, e.Action));
        }

        Assert.Contains(("GR", "release.grant"), actions);
        Assert.Contains(("IT", "release.received"), actions);
        Assert.Contains(("IT", "release.revoked"), actions);
        Assert.Contains(("GR", "access.request.received"), actions);
        Assert.True((await store.Audit.VerifyAsync()).Intact);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Reject_ThePairNeverHitsAgain_AndCoreReleaseShowsOnlyCoreData(string provider)
    {
        await using var store = await SeedAsync(provider, TimeProvider.System);
        await ContributeAsync(store, "GR", null, "H0", "g", Person("gr-1", "Omar Khalil", "1990-06-14", "+30 691 234 5678"));
        var first = await ContributeAsync(store, "IT", null, "H0", "i", Person("it-1", "Omar Khalil", "1990-06-14", null));
        var hit = Assert.Single(await store.CrossCheck.CheckContributionAsync(first));
        var group = Assert.Single((await store.FollowUp.InboxAsync(ItAnalyst, new HitGroupFilter())).Groups);

        // A core-data release (not urgent, not confirmed: 7 days) shows names, birth date and identifiers, nothing else.
        var request = await store.FollowUp.RequestAsync(ItAnalyst, hit, "check the route", urgent: true);
        Assert.Equal("8 h, urgent and directly accessible (Dir. 2023/977 Art. 5)", Assert.Single(await store.FollowUp.RequestsAsync(ItAnalyst)).DueRule);
        await store.FollowUp.DecideAsync(GrAnalyst, request, ReleaseScope.Core, "core data only");
        var seen = (await store.Contributions.ReadEntityAsync("GR:gr-1", ItAnalyst))!;
        Assert.Contains(seen.ToEntity().Values, v => v.Property == "phone");
        Assert.DoesNotContain(seen.ToEntity().Values, v => v.Property == "notes");
        Assert.NotEmpty(seen.Withheld);

        await store.FollowUp.JudgeAsync(ItAnalyst, group.Id, false, "different fathers' names");
        Assert.Empty((await store.FollowUp.InboxAsync(ItAnalyst, new HitGroupFilter())).Groups);
        Assert.Single((await store.FollowUp.InboxAsync(ItAnalyst, new HitGroupFilter(HitStatus.Rejected))).Groups);

        // The same record sent again is not hit again by the rejected pair.
        var again = await ContributeAsync(store, "IT", null, "H0", "i2", Person("it-1", "Omar Khalil", "1990-06-14", null));
        Assert.Empty(await store.CrossCheck.CheckContributionAsync(again));
        // A policy officer sees aggregates only: the hit does not exist for them.
        Assert.True((await Assert.ThrowsAsync<ModelException>(() =>
            store.FollowUp.JudgeAsync(new Principal("it.policy", "IT", new HashSet<Role> { Role.PolicyOfficer }), hit, true, "I think so"))).NotFound);
    }

    private static async Task<bool> FindsAsync(Store store, Principal user, string query, string entity) =>
        (await store.Contributions.SearchAsync(query, user)).Any(v => v.Statements.Any(s => s.Statement.EntityId == entity));

    private static async Task AssertNothingAsync(Store store, long hit, params Principal[] outsiders)
    {
        foreach (var outsider in outsiders)
        {
            Assert.Empty((await store.FollowUp.InboxAsync(outsider, new HitGroupFilter(IncludeReview: true))).Groups);
            Assert.Null(await store.FollowUp.GroupAsync(outsider, hit));
            Assert.True((await Assert.ThrowsAsync<ModelException>(() => store.FollowUp.RequestAsync(outsider, hit, "curious", urgent: false))).NotFound);
            Assert.True((await Assert.ThrowsAsync<ModelException>(() => store.FollowUp.JudgeAsync(outsider, hit, true, "looks alike"))).NotFound);
        }
    }

    private static async Task<Store> SeedAsync(string provider, TimeProvider time)
    {
        var store = await TestStores.CreateAsync(provider, time);
        foreach (var (code, kind) in new[] { ("IT", "member-state"), ("GR", "member-state"), ("MT", "member-state"), ("EU", "eu-agency"), ("RS", "third-country") })
        {
            await store.Directory.AddOrganisationAsync(new Organisation(code, code, code, kind), Principal.System);
        }

        await store.Directory.AddCaseAsync("OP-X", "Zuwara departures", "GR", ["IT"], Principal.System);
        await store.Settings.SetHubAsync("EU", Principal.System);
        return store;
    }

    private static async Task<long> ContributeAsync(Store store, string org, string? caseId, string handling, string hash, Entity entity) =>
        (await store.Contributions.WriteAsync(TestStores.Contribution(org, caseId, handling, hash), [entity], TestStores.User(org, Role.Analyst))).ContributionId;

    private static Entity Person(string id, string name, string birthDate, string? phone) =>
        new(id, "Person", new List<PropertyValue> { new("name", name), new("birthDate", birthDate, birthDate), new("nationality", "ly", "LY"), new("notes", "met at the port") }
            .Concat(phone is null ? [] : [new PropertyValue("phone", phone, phone.Replace(" ", "", StringComparison.Ordinal))]).ToList());
}
