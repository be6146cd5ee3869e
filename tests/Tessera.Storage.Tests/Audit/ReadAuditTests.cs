using Tessera.Core.Access;
using Tessera.Core.Audit;
using Tessera.Core.Ingest;
using Tessera.Core.Matching;
using Tessera.Core.Model;
using Tessera.Storage.Contributions;

namespace Tessera.Storage.Tests.Audit;

/// <summary>Every read of personal data writes one audit entry with the query or identifier and the purpose stated
/// (Europol Regulation Art. 40), on both databases.</summary>
public sealed class ReadAuditTests
{
    private static readonly Principal Analyst = TestStores.User("GR", Role.Analyst) with { Purpose = "OP-ZUWARA: phone of the boat's skipper" };

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task SearchAsync_AnyQuery_EntryHoldsTheQueryAndThePurpose(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);

        await store.Contributions.SearchAsync("+218 9", Analyst);
        var entry = await LastAsync(store);

        Assert.Equal(("entity.search", "+218 9", Analyst.Purpose, "user-gr"), (entry.Action, entry.Query, entry.Purpose, entry.Actor));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task ScreenIdentifierAsync_AnyIdentifier_EntryHoldsTheIdentifierAndThePurpose(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);

        await store.CrossCheck.ScreenIdentifierAsync("phone", "+218947778899", Analyst);
        var entry = await LastAsync(store);

        Assert.Equal(("check.identifier", "phone=+218947778899", Analyst.Purpose), (entry.Action, entry.Query, entry.Purpose));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task ScreenPersonAsync_AnyPerson_EntryHoldsTheCriteriaAndThePurpose(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);

        await store.CrossCheck.ScreenPersonAsync(new PersonRecord("query") { Name = "Mohammed Ali Hassan", BirthDate = "1988-02-03" }, Analyst);
        var entry = await LastAsync(store);

        Assert.Equal(("check.person", "name=Mohammed Ali Hassan; birthDate=1988-02-03", Analyst.Purpose), (entry.Action, entry.Query, entry.Purpose));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task NoticesAsync_AnyRead_IsAudited(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);
        var before = await store.Audit.CountAsync();

        await Storage.CrossCheck.HitInbox.NoticesAsync(store, Analyst);
        var entry = await LastAsync(store);

        Assert.Equal(before + 1, await store.Audit.CountAsync());
        Assert.Equal(("notices.read", "notices:GR", Analyst.Purpose), (entry.Action, entry.Target, entry.Purpose));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task PrepareAsync_Preview_IsAudited(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);
        var file = TempFile("persons.ftm.json", """{"id":"p1","schema":"Person","properties":{"name":["Omar Haddad"]}}""");

        await ContributionImport.PrepareAsync(store, file, null, new ContributionRequest("GR", null), Analyst, previewRows: 5);
        var entry = await LastAsync(store);

        Assert.Equal(("import.preview", "file:persons.ftm.json", "ok", Analyst.Purpose), (entry.Action, entry.Target, entry.Outcome, entry.Purpose));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task PrepareAsync_FileRefusedForBadInput_WritesARefusalNamingTheReason(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);
        var file = TempFile("intercepts.csv", "name,phone\nOmar,+218 94 777 8899\n");

        var refused = await Assert.ThrowsAsync<ModelException>(() => ContributionImport.PrepareAsync(store, file, null, new ContributionRequest("GR", null), Analyst));
        var entry = await LastAsync(store);

        Assert.Equal(("import", "file:intercepts.csv", "refused"), (entry.Action, entry.Target, entry.Outcome));
        Assert.Contains(refused.Message, entry.Details, StringComparison.Ordinal);
        Assert.True((await store.Audit.VerifyAsync()).Intact);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task ReadAsync_OneHit_IsAuditedWithItsDisclosure(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);
        foreach (var (org, id) in new[] { ("IT", "it-1"), ("GR", "gr-1") })
        {
            var written = await store.Contributions.WriteAsync(TestStores.Contribution(org, null, "H0", id), [TestStores.Person(id, "Mohammed Ali Hassan", "1988-02-03")],
                TestStores.User(org, Role.Analyst));
            await store.CrossCheck.CheckContributionAsync(written.ContributionId);
        }

        var hit = Assert.Single(await store.Hits.ForOrganisationAsync("GR"));
        var view = await Storage.CrossCheck.HitInbox.ReadAsync(store, hit.Id, Analyst);
        var read = await LastAsync(store);
        await Storage.CrossCheck.HitInbox.ReadAsync(store, hit.Id, TestStores.User("MT", Role.Analyst));
        var refused = await LastAsync(store);

        // Outside a shared case GR may only learn that IT holds a match.
        Assert.Null(view!.Other);
        Assert.Equal(("hit.read", "hit:" + hit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), "HitOnly", Analyst.Purpose),
            (read.Action, read.Target, read.Outcome, read.Purpose));
        Assert.Equal(("hit.read", "Deny"), (refused.Action, refused.Outcome));
    }

    private static async Task<AuditEntry> LastAsync(Store store)
    {
        AuditEntry? last = null;
        await foreach (var e in store.Audit.ReadAsync(await store.Audit.CountAsync()))
        {
            last = e;
        }

        return last ?? throw new InvalidOperationException("the audit log is empty");
    }

    private static string TempFile(string name, string text)
    {
        var folder = Path.Combine(Path.GetTempPath(), "tessera-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
