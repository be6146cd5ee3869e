using Dapper;
using Tessera.Core.Access;
using Tessera.Core.Model;

namespace Tessera.Storage.Tests.CrossCheck;

/// <summary>Two nodes on one database (two stores opened on the same options, each with its resident index): a contribution
/// written through one is found by the other's checks, every hit is visible from both, and each pair of records is one hit.</summary>
public sealed class TwoNodeTests
{
    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task CheckOnSecondNode_ContributionWrittenThroughTheFirst_IsFoundAndItsHitSeenOnBoth(string provider)
    {
        await using var seed = await TestStores.CreateSeededAsync(provider);
        await using var first = await Store.OpenAsync(seed.Options);
        await using var second = await Store.OpenAsync(seed.Options);
        // The second node's index is built before the first node writes: only its catch-up can bring Italy's record in.
        await second.CrossCheck.RefreshAsync();

        var it = await ContributeAsync(first, "IT", "i", "it-1", "Mohammed Ali Hassan");
        await first.CrossCheck.CheckContributionAsync(it);
        var mt = await ContributeAsync(second, "MT", "m", "mt-1", "محمد علي حسن");
        var found = await second.CrossCheck.CheckContributionAsync(mt);
        var seenByItaly = await first.Hits.ForOrganisationAsync("IT");
        var seenByMalta = await second.Hits.ForOrganisationAsync("MT");
        var screened = await second.CrossCheck.ScreenPersonAsync(new Core.Matching.PersonRecord("q") { Name = "Mohammed Ali Hassan", BirthDate = "1988-02-03" },
            TestStores.User("EU", Role.HubAnalyst));

        var hit = Assert.Single(seenByItaly);
        Assert.Equal([hit.Id], found);
        Assert.Equal(("MT:mt-1", "IT:it-1"), (hit.NewEntityId, hit.ExistingEntityId));
        Assert.Equal(hit.Id, Assert.Single(seenByMalta).Id);
        Assert.Equal("hit", screened.Outcome);
        Assert.Contains(screened.Visible, m => m.EntityId == "IT:it-1");
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task TwoContributionsCheckedAtOnceOnTwoNodes_EachFindingTheOther_GiveOneHit(string provider)
    {
        await using var seed = await TestStores.CreateSeededAsync(provider);
        await using var first = await Store.OpenAsync(seed.Options);
        await using var second = await Store.OpenAsync(seed.Options);
        // Both stored before either is checked (two imports committed at about the same time on two nodes).
        var it = await ContributeAsync(first, "IT", "i", "it-1", "Mohammed Ali Hassan");
        var mt = await ContributeAsync(second, "MT", "m", "mt-1", "محمد علي حسن");

        var checks = await Task.WhenAll(Task.Run(() => first.CrossCheck.CheckContributionAsync(it)), Task.Run(() => second.CrossCheck.CheckContributionAsync(mt)));

        await using var connection = await seed.ConnectAsync();
        var hits = (await connection.QueryAsync<long>("SELECT id FROM hits")).ToList();
        var notices = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM notices WHERE kind = 'hit'");
        var audited = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'crosscheck.hit'");
        Assert.Single(hits);
        Assert.Equal(hits, checks.SelectMany(c => c));
        Assert.Equal(2, notices);
        Assert.Equal(1, audited);
        Assert.True(await seed.Hits.CheckedAsync(it) && await seed.Hits.CheckedAsync(mt));
        Assert.True((await seed.Audit.VerifyAsync()).Intact);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task SameContributionCheckedAtOnceOnTwoNodes_IsRecordedOnceAndBothAnswerWithItsHits(string provider)
    {
        await using var seed = await TestStores.CreateSeededAsync(provider);
        var it = await ContributeAsync(seed, "IT", "i", "it-1", "Mohammed Ali Hassan");
        await seed.CrossCheck.CheckContributionAsync(it);
        var mt = await ContributeAsync(seed, "MT", "m", "mt-1", "محمد علي حسن");
        await using var first = await Store.OpenAsync(seed.Options);
        await using var second = await Store.OpenAsync(seed.Options);

        var checks = await Task.WhenAll(Task.Run(() => first.CrossCheck.CheckContributionAsync(mt)), Task.Run(() => second.CrossCheck.CheckContributionAsync(mt)));

        await using var connection = await seed.ConnectAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM hits"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM crosschecked WHERE contribution_id = @mt", new { mt }));
        Assert.Equal(checks[0], checks[1]);
        Assert.Single(checks[0]);
    }

    private static async Task<long> ContributeAsync(Store store, string org, string hash, string id, string name) =>
        (await store.Contributions.WriteAsync(TestStores.Contribution(org, null, "H0", hash),
            [new Entity(id, "Person", [new("name", name), new("birthDate", "1988-02-03", "1988-02-03"), new("nationality", "ly", "LY")])],
            TestStores.User(org, Role.Analyst))).ContributionId;
}
