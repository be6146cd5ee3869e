using Dapper;
using Tessera.Core.Access;
using Tessera.Core.Model;

namespace Tessera.Storage.Tests.CrossCheck;

/// <summary>Recovery on start: a contribution stored but not cross-checked (a crash between the write and the check) is
/// checked when the store is opened again, once, even by two nodes at the same time.</summary>
public sealed class RecoveryTests
{
    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task RecoverAsync_ContributionLeftUncheckedByACrash_GetsItsHitsAfterReopening(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);
        var it = await ContributeAsync(store, "IT", "i", "it-1", "Mohammed Ali Hassan");
        await store.CrossCheck.CheckContributionAsync(it);
        // The crash: the contribution and its audit entry are committed, the cross-check never ran.
        var mt = await ContributeAsync(store, "MT", "m", "mt-1", "محمد علي حسن");

        await using var reopened = await Store.OpenAsync(store.Options);
        var progress = new List<Storage.CrossCheck.RecoveryProgress>();
        var found = await reopened.CrossCheck.RecoverAsync(new SynchronousProgress(progress));
        var hits = await reopened.Hits.ForOrganisationAsync("MT");

        Assert.Equal(1, found);
        Assert.True(await reopened.Hits.CheckedAsync(mt));
        Assert.Equal(("MT:mt-1", "IT:it-1"), (Assert.Single(hits).NewEntityId, hits[0].ExistingEntityId));
        Assert.Equal([new(0, 1), new(1, 1)], progress);
        Assert.Equal(0, await reopened.CrossCheck.RecoverAsync());
        Assert.True((await reopened.Audit.VerifyAsync()).Intact);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task RecoverAsync_TwoNodesStartingTogether_CheckEachContributionOnce(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);
        for (var i = 0; i < 6; i++)
        {
            var org = i % 2 == 0 ? "IT" : "GR";
            await ContributeAsync(store, org, "c" + TestStores.Id(i), $"{org.ToLowerInvariant()}-{i}", "Mohammed Ali Hassan");
        }

        await using var first = await Store.OpenAsync(store.Options);
        await using var second = await Store.OpenAsync(store.Options);
        await Task.WhenAll(Task.Run(() => first.CrossCheck.RecoverAsync()), Task.Run(() => second.CrossCheck.RecoverAsync()));

        await using var connection = await store.ConnectAsync();
        var marks = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM crosschecked");
        var hits = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM hits");
        var distinct = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM (SELECT DISTINCT new_contribution_id, new_entity_id, existing_contribution_id, existing_entity_id FROM hits) d");
        var audited = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_log WHERE action = 'crosscheck.hit'");
        Assert.Equal(6, marks);
        Assert.True(hits > 0);
        Assert.Equal(distinct, hits);
        Assert.Equal(hits, audited);
        Assert.True((await store.Audit.VerifyAsync()).Intact);
    }

    private static async Task<long> ContributeAsync(Store store, string org, string hash, string id, string name) =>
        (await store.Contributions.WriteAsync(TestStores.Contribution(org, null, "H0", hash),
            [new Entity(id, "Person", [new("name", name), new("birthDate", "1988-02-03", "1988-02-03"), new("nationality", "ly", "LY")])],
            TestStores.User(org, Role.Analyst))).ContributionId;

    // Progress<T> posts to the thread pool; the test wants every report, in order, when the call returns.
    private sealed class SynchronousProgress(List<Storage.CrossCheck.RecoveryProgress> seen) : IProgress<Storage.CrossCheck.RecoveryProgress>
    {
        public void Report(Storage.CrossCheck.RecoveryProgress value) => seen.Add(value);
    }
}
