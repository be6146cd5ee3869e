using Tessera.Core.Access;
using Tessera.Core.Model;

namespace Tessera.Storage.Tests.Contributions;

public sealed class ContributionStoreTests
{
    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task WriteAsync_ValidContribution_StoresEveryStatementWithProvenance(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);
        var it = TestStores.User("IT", Role.Analyst);

        var result = await store.Contributions.WriteAsync(TestStores.Contribution("IT", "C1"),
            [TestStores.Person("p1", "Mohammed Ali", "1990-03-07"), TestStores.Person("p2", "Yusuf Haddad")], it);
        var view = await store.Contributions.ReadEntityAsync("IT:p1", it);

        Assert.True(result.Added);
        Assert.Equal(3, result.Statements);
        Assert.NotNull(view);
        Assert.Equal("Person", view.Schema);
        Assert.Equal(["Mohammed Ali", "1990-03-07"], view.Statements.Select(s => s.Statement.Value));
        Assert.All(view.Statements, s => Assert.Equal("IT", s.Contribution.Organisation));
        Assert.All(view.Statements, s => Assert.Equal("C1", s.Contribution.CaseId));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task WriteAsync_SameContentTwice_AddsNothingTheSecondTime(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);
        var it = TestStores.User("IT", Role.Analyst);

        var first = await store.Contributions.WriteAsync(TestStores.Contribution("IT", "C1"), [TestStores.Person("p1", "A")], it);
        var second = await store.Contributions.WriteAsync(TestStores.Contribution("IT", "C1"), [TestStores.Person("p1", "A")], it);

        Assert.True(first.Added);
        Assert.False(second.Added);
        Assert.Equal(first.ContributionId, second.ContributionId);
        Assert.Equal((1L, 1L, 1L), await store.Contributions.CountsAsync());
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task WriteAsync_UnknownPropertyInLastEntity_StoresNothing(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);
        var bad = new Entity("p3", "Person", [new PropertyValue("imoNumber", "9074729")]);

        var ex = await Assert.ThrowsAsync<ModelException>(() =>
            store.Contributions.WriteAsync(TestStores.Contribution("IT", null), [TestStores.Person("p1", "A"), bad], TestStores.User("IT", Role.Analyst)));

        Assert.Contains("imoNumber", ex.Message, StringComparison.Ordinal);
        Assert.Equal((0L, 0L, 0L), await store.Contributions.CountsAsync());
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task WriteAsync_UnknownOrganisation_StoresNothing(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);

        var ex = await Assert.ThrowsAsync<ModelException>(() =>
            store.Contributions.WriteAsync(TestStores.Contribution("XX", null), [TestStores.Person("p1", "A")], Principal.System));

        Assert.Equal("organisation", ex.Field);
        Assert.Equal((0L, 0L, 0L), await store.Contributions.CountsAsync());
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task WriteAsync_ForAnotherOrganisation_IsRefused(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);

        await Assert.ThrowsAsync<Tessera.Core.Access.AccessRefusedException>(() =>
            store.Contributions.WriteAsync(TestStores.Contribution("GR", null), [TestStores.Person("p1", "A")], TestStores.User("IT", Role.Analyst)));
        await Assert.ThrowsAsync<Tessera.Core.Access.AccessRefusedException>(() =>
            store.Contributions.WriteAsync(TestStores.Contribution("IT", null), [TestStores.Person("p1", "A")], TestStores.User("IT", Role.PolicyOfficer)));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task ReadEntityAsync_PartnerOtherAndHub_SeeWhatThePolicyAllows(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);
        await store.Contributions.WriteAsync(TestStores.Contribution("IT", "C1"), [TestStores.Person("p1", "Mohammed Ali")], TestStores.User("IT", Role.Analyst));

        var partner = await store.Contributions.ReadEntityAsync("IT:p1", TestStores.User("GR", Role.Analyst));
        var other = await store.Contributions.ReadEntityAsync("IT:p1", TestStores.User("MT", Role.Analyst));
        var policy = await store.Contributions.ReadEntityAsync("IT:p1", TestStores.User("MT", Role.PolicyOfficer));

        Assert.NotNull(partner);
        Assert.Single(partner.Statements);
        Assert.NotNull(other);
        Assert.True(other.HitOnly);
        Assert.Equal("IT", Assert.Single(other.Withheld).Owner);
        Assert.Null(policy);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task ReadEntityAsync_NotAllowedToKnow_LooksExactlyLikeNoData(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);
        await store.Contributions.WriteAsync(TestStores.Contribution("IT", null, "H0,H2"), [TestStores.Person("p1", "Mohammed Ali")], TestStores.User("IT", Role.Analyst));
        var mt = TestStores.User("MT", Role.Analyst);

        var restricted = await store.Contributions.ReadEntityAsync("IT:p1", mt);
        var missing = await store.Contributions.ReadEntityAsync("p-does-not-exist", mt);

        Assert.Null(restricted);
        Assert.Equal(missing, restricted);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task WriteAsync_AnotherProvidersId_NeverWritesIntoTheirRecord(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);
        await store.Contributions.WriteAsync(TestStores.Contribution("IT", "C1", hash: "a"), [TestStores.Person("p1", "Mohammed Ali")], TestStores.User("IT", Role.Analyst));

        // Malta writes the same local id, and Italy's qualified id, with a script in the name: both stay Malta's records.
        await store.Contributions.WriteAsync(TestStores.Contribution("MT", null, hash: "b"),
            [TestStores.Person("p1", "Muhammad Ali", "1990-03-07"), TestStores.Person("IT:p1", "<script>alert(1)</script>")], TestStores.User("MT", Role.Analyst));

        var italian = await store.Contributions.ReadEntityAsync("IT:p1", TestStores.User("IT", Role.Analyst));
        var maltese = await store.Contributions.ReadEntityAsync("MT:p1", TestStores.User("MT", Role.Analyst));
        var forged = await store.Contributions.ReadEntityAsync("MT:IT:p1", TestStores.User("MT", Role.Analyst));

        Assert.Equal(["Mohammed Ali"], italian!.Statements.Select(s => s.Statement.Value));
        Assert.Empty(italian.Withheld);
        Assert.Equal(["Muhammad Ali", "1990-03-07"], maltese!.Statements.Select(s => s.Statement.Value));
        Assert.Equal(["<script>alert(1)</script>"], forged!.Statements.Select(s => s.Statement.Value));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task WriteAsync_CaseOfWhichTheProviderIsNoMember_IsRefusedLikeAnUnknownCase(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);
        var malta = TestStores.User("MT", Role.Analyst);

        var foreign = await Assert.ThrowsAsync<ModelException>(() =>
            store.Contributions.WriteAsync(TestStores.Contribution("MT", "C1", hash: "a"), [TestStores.Person("p1", "A")], malta));
        var unknown = await Assert.ThrowsAsync<ModelException>(() =>
            store.Contributions.WriteAsync(TestStores.Contribution("MT", "NO-SUCH-CASE", hash: "a"), [TestStores.Person("p1", "A")], malta));

        Assert.Equal(foreign.Message.Replace("C1", "X", StringComparison.Ordinal), unknown.Message.Replace("NO-SUCH-CASE", "X", StringComparison.Ordinal));
        Assert.Equal(foreign.Field, unknown.Field);
        Assert.Equal(0, (await store.Contributions.CountsAsync()).Contributions);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task ReadEntityAsync_EveryRead_IsAudited(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);
        await store.Contributions.WriteAsync(TestStores.Contribution("IT", null, "H0,H2"), [TestStores.Person("p1", "A")], TestStores.User("IT", Role.Analyst));
        var before = await store.Audit.CountAsync();

        await store.Contributions.ReadEntityAsync("IT:p1", TestStores.User("IT", Role.Analyst));
        await store.Contributions.ReadEntityAsync("IT:p1", TestStores.User("MT", Role.Analyst));

        var entries = new List<Core.Audit.AuditEntry>();
        await foreach (var e in store.Audit.ReadAsync(before + 1))
        {
            entries.Add(e);
        }

        Assert.Equal([("entity.read", "Allow"), ("entity.read", "Deny")], entries.Select(e => (e.Action, e.Outcome)));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task WriteAsync_Transfers_OnlyToAThirdPartyWithALegalBasis(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);
        await store.Directory.AddOrganisationAsync(new Tessera.Storage.Directory.Organisation("RS", "Serbia", "RS", "third-country"), Principal.System);
        var italian = TestStores.User("IT", Role.Analyst);
        var toSerbia = TestStores.Contribution("IT", null, hash: "a") with { Transfers = new Dictionary<string, string> { ["RS"] = "operational agreement 2014" } };
        var toGreece = TestStores.Contribution("IT", null, hash: "b") with { Transfers = new Dictionary<string, string> { ["GR"] = "none needed" } };
        var noBasis = TestStores.Contribution("IT", null, hash: "c") with { Transfers = new Dictionary<string, string> { ["RS"] = " " } };

        await store.Contributions.WriteAsync(toSerbia, [TestStores.Person("p1", "Mohammed Ali")], italian);
        var greek = await Assert.ThrowsAsync<ModelException>(() => store.Contributions.WriteAsync(toGreece, [TestStores.Person("p2", "A")], italian));
        var bare = await Assert.ThrowsAsync<ModelException>(() => store.Contributions.WriteAsync(noBasis, [TestStores.Person("p3", "A")], italian));
        var serbian = new Principal("rs", "RS", new HashSet<Role> { Role.Analyst }) { Kind = PartnerKind.ThirdCountry };
        var stored = Assert.Single(await store.Contributions.ContributionsAsync());

        Assert.Equal("transfer", greek.Field);
        Assert.Equal("transfer", bare.Field);
        Assert.Equal("operational agreement 2014", stored.Transfers["RS"]);
        Assert.True((await store.Contributions.ReadEntityAsync("IT:p1", serbian))!.HitOnly);
        Assert.Equal(Decision.Allow, (await store.Contributions.ScopeAsync(italian)).Of(stored.Id));
        Assert.Equal(Decision.HitOnly, (await store.Contributions.ScopeAsync(serbian)).Of(stored.Id));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task AddOrganisation_UnknownKind_IsRefusedAndOldWordsAreRead(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);

        var bad = await Assert.ThrowsAsync<ModelException>(() => store.Directory.AddOrganisationAsync(new Tessera.Storage.Directory.Organisation("XX", "X", "XX", "friendly"), Principal.System));

        Assert.Equal("kind", bad.Field);
        Assert.Equal("member-state", (await store.Directory.OrganisationAsync("IT"))!.Kind);
        Assert.Equal("eu-agency", (await store.Directory.OrganisationAsync("EU"))!.Kind);
    }
}
