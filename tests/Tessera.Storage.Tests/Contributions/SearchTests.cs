using Tessera.Core.Access;

namespace Tessera.Storage.Tests.Contributions;

/// <summary>Search finds names across scripts and spellings, and shows only what the access policy allows.</summary>
public sealed class SearchTests
{
    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Search_ArabicQuery_FindsTheLatinRecordForACasePartnerAndOnlyAHitForAnOutsider(string provider)
    {
        await using var store = await SeededAsync(provider);

        var partner = await store.Contributions.SearchAsync("محمد علي حسن", TestStores.User("GR", Role.Analyst));
        var outsider = await store.Contributions.SearchAsync("محمد علي حسن", TestStores.User("MT", Role.Analyst));

        Assert.Equal("Mohammed Ali Hassan", Assert.Single(partner, v => !v.HitOnly).ToEntity().Caption);
        Assert.DoesNotContain(outsider, v => !v.HitOnly);
        Assert.DoesNotContain(outsider.SelectMany(v => v.Withheld), w => w.Owner != "IT");
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Search_OtherSpellingAndUnrelatedName_FindsOnlyTheSamePersonAndIsNotLoggedAsACheck(string provider)
    {
        await using var store = await SeededAsync(provider);
        var greek = TestStores.User("GR", Role.Analyst);

        var spelling = await store.Contributions.SearchAsync("Muhammad Ali Hasan", greek);
        var unrelated = await store.Contributions.SearchAsync("Giuseppe Russo", greek);

        Assert.Equal("IT:p-1", Assert.Single(spelling).Id);
        Assert.Empty(unrelated);
        Assert.Empty(await store.Hits.CheckStatisticsAsync());
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Search_ThousandsOfWithheldMatches_NeitherHideTheUsersOwnRecordNorShowInThePage(string provider)
    {
        // Greece's 1,100 H2 persons outside any case once filled the first 1,000 matches, so Italy's own record was missed.
        await using var store = await SeededAsync(provider);
        var hidden = Enumerable.Range(0, 1_100).Select(i => TestStores.Person("h" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), "Qzxv Hidden " + i.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        await store.Contributions.WriteAsync(TestStores.Contribution("GR", null, "H0,H2", "hidden"), hidden, TestStores.User("GR", Role.Analyst));
        await store.Contributions.WriteAsync(TestStores.Contribution("IT", null, "H0", "own"), [TestStores.Person("own", "Qzxv Own Italian Record")], TestStores.User("IT", Role.Analyst));
        var italian = TestStores.User("IT", Role.Analyst);

        var found = await store.Contributions.SearchAsync("qzxv", italian);
        var other = await store.Contributions.SearchAsync("qzxw", italian);
        var greek = await store.Contributions.SearchAsync("qzxv", TestStores.User("GR", Role.Analyst), limit: 50, offset: 1_050);

        Assert.Equal("IT:own", Assert.Single(found).Id);
        Assert.Empty(other);
        Assert.Equal(50, greek.Count);
        Assert.All(greek, v => Assert.StartsWith("GR:h", v.Id, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Search_IsAuditedWithItsText(string provider)
    {
        await using var store = await SeededAsync(provider);
        var before = await store.Audit.CountAsync();

        await store.Contributions.SearchAsync("Karl", TestStores.User("GR", Role.Analyst));

        var entries = new List<Core.Audit.AuditEntry>();
        await foreach (var e in store.Audit.ReadAsync(before + 1))
        {
            entries.Add(e);
        }

        Assert.Contains(entries, e => e.Action == "entity.search" && e.Details.Contains("\"Karl\"", StringComparison.Ordinal));
    }

    // Italy's suspect and a second person, in case C1 shared with Greece.
    private static async Task<Store> SeededAsync(string provider)
    {
        var store = await TestStores.CreateSeededAsync(provider);
        await store.Contributions.WriteAsync(TestStores.Contribution("IT", "C1", "H0,H1", "s"),
            [TestStores.Person("p-1", "Mohammed Ali Hassan", "1988-02-03"), TestStores.Person("p-2", "Karl Berg", "1970-05-05")],
            TestStores.User("IT", Role.Analyst));
        return store;
    }
}
