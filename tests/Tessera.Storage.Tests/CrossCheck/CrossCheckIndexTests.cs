using Tessera.Core.Access;
using Tessera.Core.Matching;
using Tessera.Core.Model;

namespace Tessera.Storage.Tests.CrossCheck;

/// <summary>The store's resident cross-check index: built once, updated by every stored contribution, filtered at answer time.</summary>
public sealed class CrossCheckIndexTests
{
    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Write_AfterIndexBuilt_IndexesTheNewPersonBeforeAnyCheck(string provider)
    {
        await using var store = await SeededAsync(provider);
        await store.CrossCheck.RefreshAsync();
        var before = store.CrossCheck.Index.PersonCount;

        var gr = await ContributeAsync(store, "GR", "C1", "H0", "g", Person("gr-7", "Omar Khaled Mansour", "1979-06-30", "+30 694 123 4567", "+306941234567"));

        Assert.Equal(before + 1, store.CrossCheck.Index.PersonCount);
        Assert.Equal("GR:gr-7", Assert.Single(store.CrossCheck.Index.PersonsOf(gr)).EntityId);
        Assert.Equal("GR:gr-7", Assert.Single(store.CrossCheck.Index.Identifier("phone", "+306941234567")).EntityId);
        var italian = TestStores.User("IT", Role.Analyst);
        var byName = await store.CrossCheck.ScreenPersonAsync(new PersonRecord("q") { Name = "Omar Khaled Mansour", BirthDate = "1979-06-30" }, italian);
        var byPhone = await store.CrossCheck.ScreenIdentifierAsync("phone", "+306941234567", italian);
        Assert.Equal("GR:gr-7", Assert.Single(byName.Visible).EntityId);
        Assert.Equal("GR:gr-7", Assert.Single(byPhone.Visible).EntityId);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Index_BuiltAtStart_EqualsIndexBuiltIncrementally(string provider)
    {
        await using var store = await SeededAsync(provider);
        await store.CrossCheck.RefreshAsync();
        string[] names = ["Ahmad Yusuf Karimi", "Ахмад Юсуф Карими", "Leila Haddad", "Samir Nouri", "Fatima Zahra Benali", "أحمد يوسف كريمي"];
        for (var i = 0; i < names.Length; i++)
        {
            var org = i % 2 == 0 ? "MT" : "GR";
            var phone = "+21891000000" + TestStores.Id(i % 3);
            await ContributeAsync(store, org, null, "H0", "x" + TestStores.Id(i), Person(org.ToLowerInvariant() + "-" + TestStores.Id(i), names[i], "1990-01-0" + TestStores.Id(i + 1), phone, phone));
        }

        await using var fresh = await Store.OpenAsync(store.Options);
        await fresh.CrossCheck.RefreshAsync();

        var incremental = store.CrossCheck.Index;
        var atStart = fresh.CrossCheck.Index;
        Assert.Equal(incremental.Persons.Records().Select(Describe), atStart.Persons.Records().Select(Describe));
        foreach (var value in new[] { "+218910000000", "+218910000001", "+218910000002", "+218912345678" })
        {
            Assert.Equal(incremental.Identifier("phone", value), atStart.Identifier("phone", value));
        }

        var query = new PersonRecord("q") { Name = "Ahmed Youssef Karimi", BirthDate = "1990-01-01" };
        var hub = TestStores.User("EU", Role.Analyst);
        var incrementalAnswer = await store.CrossCheck.ScreenPersonAsync(query, hub);
        var atStartAnswer = await fresh.CrossCheck.ScreenPersonAsync(query, hub);
        Assert.Equal("hit", incrementalAnswer.Outcome);
        Assert.Equal(incrementalAnswer.Visible, atStartAnswer.Visible);
        Assert.Equal(incrementalAnswer.Withheld, atStartAnswer.Withheld);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Screening_RestrictedEntityInTheIndex_NeverLeaks(string provider)
    {
        await using var store = await SeededAsync(provider);
        await store.CrossCheck.RefreshAsync();
        var mt = await ContributeAsync(store, "MT", null, "H0,H2", "m", Person("mt-3", "Karim Abdel Nasser", "1985-12-01", "+356 7912 3456", "+35679123456"));
        Assert.NotEmpty(store.CrossCheck.Index.PersonsOf(mt));

        var italian = TestStores.User("IT", Role.Analyst);
        var byName = await store.CrossCheck.ScreenPersonAsync(new PersonRecord("q") { Name = "Karim Abdel Nasser", BirthDate = "1985-12-01" }, italian);
        var byPhone = await store.CrossCheck.ScreenIdentifierAsync("phone", "+35679123456", italian);
        var maltese = await store.CrossCheck.ScreenIdentifierAsync("phone", "+35679123456", TestStores.User("MT", Role.Analyst));

        Assert.Equal(("no-hit", 0, 0), (byName.Outcome, byName.Visible.Count, byName.Withheld.Count));
        Assert.Equal(("no-hit", 0, 0), (byPhone.Outcome, byPhone.Visible.Count, byPhone.Withheld.Count));
        Assert.Equal("MT:mt-3", Assert.Single(maltese.Visible).EntityId);
    }

    // Italy's suspect, in case C1 shared with Greece.
    private static async Task<Store> SeededAsync(string provider)
    {
        var store = await TestStores.CreateSeededAsync(provider);
        await ContributeAsync(store, "IT", "C1", "H0,H1", "i", Person("it-1", "Mohammed Ali Hassan", "1988-02-03", "+218 91 234 5678", "+218912345678"));
        return store;
    }

    private static async Task<long> ContributeAsync(Store store, string org, string? caseId, string handling, string hash, params Entity[] entities) =>
        (await store.Contributions.WriteAsync(TestStores.Contribution(org, caseId, handling, hash), entities, TestStores.User(org, Role.Analyst))).ContributionId;

    private static string Describe(PersonRecord r) =>
        string.Join('|', r.Id, r.Name, r.BirthDate, string.Join(',', r.Phones), string.Join(',', r.Aliases), r.Nationality);

    private static Entity Person(string id, string name, string birthDate, string phone, string normalisedPhone) =>
        new(id, "Person", [new("name", name), new("birthDate", birthDate, birthDate), new("phone", phone, normalisedPhone)]);
}
