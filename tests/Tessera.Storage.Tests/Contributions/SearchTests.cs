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
