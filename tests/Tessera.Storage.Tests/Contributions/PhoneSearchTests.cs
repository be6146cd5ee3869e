using Tessera.Core.Access;
using Tessera.Core.Model;
using Tessera.Core.Normalisation;
using Tessera.Storage.Contributions;

namespace Tessera.Storage.Tests.Contributions;

/// <summary>A phone number is found in any written form: international with "+" or "00", and national in the region of
/// the provider that holds it.</summary>
public sealed class PhoneSearchTests
{
    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Search_PhoneWrittenWithPlusOrZeroZero_FindsTheSameRecord(string provider)
    {
        await using var store = await SeededAsync(provider);
        var italian = TestStores.User("IT", Role.Analyst);

        foreach (var query in new[] { "+218 91 234 5678", "00218 91 234 5678", "00218912345678", "+218-91-2345678" })
        {
            var found = await store.Contributions.SearchAsync(query, italian);
            Assert.Equal("IT:ph-1", Assert.Single(found).Id);
        }
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Search_NationalForm_FindsItOnlyInDataOfTheRegionItWasReadIn(string provider)
    {
        await using var store = await SeededAsync(provider);
        var hub = TestStores.User("EU", Role.HubAnalyst);

        var national = await store.Contributions.SearchAsync("320 111 2233", hub);
        var international = await store.Contributions.SearchAsync("0039 320 111 2233", hub);

        // Italy's record holds it; Malta's holds the same Italian number, but Malta reads "320 111 2233" as a Maltese number.
        Assert.Equal("IT:ph-2", Assert.Single(national).Id);
        Assert.Equal(["IT:ph-2", "MT:ph-3"], international.Select(v => v.Id).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Search_PhoneOfWithheldRecord_AnswersOnlyAHitInEveryForm(string provider)
    {
        await using var store = await SeededAsync(provider);
        var maltese = TestStores.User("MT", Role.Analyst);

        foreach (var query in new[] { "+218 91 234 5678", "00218912345678" })
        {
            var found = await store.Contributions.SearchAsync(query, maltese);
            Assert.All(found, v => Assert.True(v.HitOnly));
            Assert.Equal("IT", Assert.Single(found).Withheld[0].Owner);
        }
    }

    [Theory]
    [InlineData("Mohammed Ali")]
    [InlineData("12345")]
    [InlineData("IT-1234567")]
    public void PhoneForms_TextThatIsNoPhone_HasNone(string text) =>
        Assert.Empty(ContributionStore.PhoneForms(text, ["IT", "GR"]));

    private static async Task<Store> SeededAsync(string provider)
    {
        var store = await TestStores.CreateSeededAsync(provider);
        await store.Contributions.WriteAsync(TestStores.Contribution("IT", null, "H0", "it"),
            [Phone("ph-1", "Ahmed Caller", "+218 91 234 5678", "IT"), Phone("ph-2", "Marco Rossi", "320 111 2233", "IT")], TestStores.User("IT", Role.Analyst));
        await store.Contributions.WriteAsync(TestStores.Contribution("MT", null, "H0", "mt"),
            [Phone("ph-3", "Joseph Borg", "+393201112233", "MT")], TestStores.User("MT", Role.Analyst));
        return store;
    }

    // The value as the import stores it: as provided, next to its E.164 form read in the provider's region.
    private static Entity Phone(string id, string name, string phone, string region) =>
        new(id, "Person", [new PropertyValue("name", name), new PropertyValue("phone", phone, PhoneNumberNormaliser.Normalise(phone, region).Value)]);
}
