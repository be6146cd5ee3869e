using Dapper;
using Microsoft.Extensions.Time.Testing;
using Tessera.Core.Access;
using Tessera.Core.Matching;
using Tessera.Core.Model;
using Tessera.Storage.Contributions;
using Tessera.Storage.CrossCheck;

namespace Tessera.Storage.Tests.Contributions;

/// <summary>Review dates enforced with a fake clock: owners told once, extensions kept, contributions past their date erased
/// with everything that refers to them, and the audit chain intact.</summary>
public sealed class RetentionTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = DateOnly.FromDateTime(Now.UtcDateTime);

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Run_ContributionDueWithin30Days_TellsItsOwnerOncePerReviewDate(string provider)
    {
        var clock = new FakeTimeProvider(Now);
        await using var store = await TestStores.CreateSeededAsync(provider, clock);
        var due = await ContributeAsync(store, "IT", "due", Today.AddDays(20), Person("it-1", "Omar Haddad", "+218 91 234 5678"));
        await ContributeAsync(store, "IT", "later", Today.AddDays(200), Person("it-2", "Karim Saleh", "+218 91 000 1111"));

        var first = await store.Retention.RunAsync(Principal.System);
        clock.Advance(TimeSpan.FromDays(1));
        var second = await store.Retention.RunAsync(Principal.System);

        Assert.Equal([due], first.Notified.Select(d => d.ContributionId));
        Assert.Equal(20, first.Notified[0].DaysLeft);
        Assert.Empty(second.Notified);
        Assert.Equal([due], second.Due.Select(d => d.ContributionId));
        var notice = Assert.Single(await store.Hits.NoticesAsync("IT"), n => n.Kind == Retention.NoticeKind);
        Assert.Contains(Today.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), notice.Details, StringComparison.Ordinal);
        Assert.Empty(first.Erased);
        Assert.Empty(second.Erased);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Run_PastItsReviewDate_ErasesTheContributionItsHitsAndNoticesWithAnAuditEntry(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider, new FakeTimeProvider(Now));
        var kept = await ContributeAsync(store, "IT", "kept", Today.AddYears(2), Person("it-1", "Mohammed Ali Hassan", "+218 91 234 5678"));
        var gone = await ContributeAsync(store, "GR", "gone", Today.AddDays(-1),
            Person("gr-1", "Muhammad Ali Hasan", "+218 91 234 5678") with { Subject = SubjectCategory.Contact });
        Assert.NotEmpty(await store.CrossCheck.CheckContributionAsync(gone));
        Assert.NotEmpty(await store.Hits.NoticesAsync("IT"));
        var hub = TestStores.User("EU", Role.HubAnalyst);
        Assert.Contains(await Screen(store, hub), m => m.EntityId == "GR:gr-1");

        var run = await store.Retention.RunAsync(Principal.System);

        var erased = Assert.Single(run.Erased);
        Assert.Equal((gone, "GR"), (erased.ContributionId, erased.Organisation));
        Assert.True(erased.Hits > 0);
        Assert.Equal([kept], (await store.Contributions.ContributionsAsync()).Select(c => c.Id));
        Assert.Empty(await store.Contributions.StatementsOfAsync(["GR:gr-1"]));
        Assert.Empty(await store.Hits.ForOrganisationAsync("IT"));
        Assert.Empty(await store.Hits.NoticesAsync("IT"));
        Assert.Empty(await store.Hits.NoticesAsync("GR"));
        Assert.Equal(0, await ReferencesAsync(store, gone));
        var audit = await AuditAsync(store);
        Assert.Contains(audit, e => e.Action == "retention.erase" && e.Target == "contribution:" + gone && e.Organisation == "SYSTEM");
        Assert.True((await store.Audit.VerifyAsync()).Intact);
        // The resident cross-check index no longer answers with the erased record, by name or by identifier.
        Assert.DoesNotContain(await Screen(store, hub), m => m.EntityId == "GR:gr-1");
        Assert.DoesNotContain(store.CrossCheck.Index.Identifier("phone", "+218912345678"), p => p.ContributionId == gone);
        var check = await store.CrossCheck.ScreenIdentifierAsync("phone", "+218912345678", hub);
        Assert.Equal(["IT:it-1"], check.Visible.Select(v => v.EntityId));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Run_ErasedByAnotherProcess_IsForgottenByThisProcessesIndex(string provider)
    {
        var clock = new FakeTimeProvider(Now);
        await using var server = await TestStores.CreateSeededAsync(provider, clock);
        var gone = await ContributeAsync(server, "GR", "gone", Today.AddDays(-3), Person("gr-1", "Muhammad Ali Hasan", "+218 91 234 5678"));
        var hub = TestStores.User("EU", Role.HubAnalyst);
        Assert.Contains(await Screen(server, hub), m => m.EntityId == "GR:gr-1");

        await using (var cli = await Store.OpenAsync(server.Options, clock))
        {
            Assert.Single((await cli.Retention.RunAsync(Principal.System)).Erased);
        }

        Assert.Empty(await Screen(server, hub));
        Assert.Empty(server.CrossCheck.Index.PersonsOf(gone));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Extend_ByTheOwner_ContributionSurvivesItsOldReviewDate(string provider)
    {
        var clock = new FakeTimeProvider(Now);
        await using var store = await TestStores.CreateSeededAsync(provider, clock);
        var extended = await ContributeAsync(store, "IT", "extended", Today.AddDays(5), Person("it-1", "Omar Haddad", "+218 91 234 5678"));
        var lapsed = await ContributeAsync(store, "IT", "lapsed", Today.AddDays(5), Person("it-2", "Karim Saleh", "+218 91 000 1111"));

        var before = await store.Retention.ExtendAsync(extended, Today.AddYears(1), "trial in progress", TestStores.User("IT", Role.Analyst));
        clock.Advance(TimeSpan.FromDays(10));
        var run = await store.Retention.RunAsync(Principal.System);

        Assert.Equal(Today.AddDays(5), before);
        Assert.Equal([lapsed], run.Erased.Select(e => e.ContributionId));
        var survivor = Assert.Single(await store.Contributions.ContributionsAsync());
        Assert.Equal((extended, Today.AddYears(1)), (survivor.Id, survivor.ReviewDate));
        Assert.Contains(await AuditAsync(store), e => e.Action == "retention.extend" && e.Details.Contains("trial in progress", StringComparison.Ordinal));
        Assert.True((await store.Audit.VerifyAsync()).Intact);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Extend_BadDateOrNotTheOwner_IsRefusedAndChangesNothing(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider, new FakeTimeProvider(Now));
        var id = await ContributeAsync(store, "IT", "it", Today.AddDays(5), Person("it-1", "Omar Haddad", "+218 91 234 5678"));
        var italian = TestStores.User("IT", Role.Analyst);

        var past = await Assert.ThrowsAsync<ModelException>(() => store.Retention.ExtendAsync(id, Today.AddDays(-1), "r", italian));
        var far = await Assert.ThrowsAsync<ModelException>(() => store.Retention.ExtendAsync(id, Today.AddYears(3).AddDays(1), "r", italian));
        var greek = await Assert.ThrowsAsync<ModelException>(() => store.Retention.ExtendAsync(id, Today.AddYears(1), "r", TestStores.User("GR", Role.Analyst)));
        var unknown = await Assert.ThrowsAsync<ModelException>(() => store.Retention.ExtendAsync(id + 100, Today.AddYears(1), "r", TestStores.User("GR", Role.Analyst)));
        await Assert.ThrowsAsync<Tessera.Core.Access.AccessRefusedException>(() => store.Retention.ExtendAsync(id, Today.AddYears(1), "r", TestStores.User("IT", Role.PolicyOfficer)));

        Assert.Equal(("until", "until"), (past.Field, far.Field));
        Assert.True(greek.NotFound);
        Assert.Equal(greek.Message.Replace(id.ToString(System.Globalization.CultureInfo.InvariantCulture), "N", StringComparison.Ordinal),
            unknown.Message.Replace((id + 100).ToString(System.Globalization.CultureInfo.InvariantCulture), "N", StringComparison.Ordinal));
        Assert.Equal(Today.AddDays(5), Assert.Single(await store.Contributions.ContributionsAsync()).ReviewDate);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Run_DryRun_ReportsAndChangesNothing(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider, new FakeTimeProvider(Now));
        await ContributeAsync(store, "IT", "due", Today.AddDays(3), Person("it-1", "Omar Haddad", "+218 91 234 5678"));
        await ContributeAsync(store, "GR", "gone", Today.AddDays(-3), Person("gr-1", "Karim Saleh", "+218 91 000 1111"));
        var entries = await store.Audit.CountAsync();

        var run = await store.Retention.RunAsync(Principal.System, dryRun: true);

        Assert.Single(run.Notified);
        Assert.Equal(4, Assert.Single(run.Erased).Statements);
        Assert.Equal(2, (await store.Contributions.ContributionsAsync()).Count);
        Assert.Empty(await store.Hits.NoticesAsync("IT"));
        Assert.Equal(entries, await store.Audit.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Due_ForAnOrganisation_ListsOnlyItsOwnAndIsAudited(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider, new FakeTimeProvider(Now));
        var mine = await ContributeAsync(store, "IT", "due", Today.AddDays(3), Person("it-1", "Omar Haddad", "+218 91 234 5678"));
        await ContributeAsync(store, "GR", "gr", Today.AddDays(3), Person("gr-1", "Karim Saleh", "+218 91 000 1111"));
        await ContributeAsync(store, "IT", "later", Today.AddDays(90), Person("it-2", "Amina Yusuf", "+218 91 000 2222"));

        var due = await store.Retention.DueAsync(TestStores.User("IT", Role.Analyst));

        Assert.Equal([mine], due.Select(d => d.ContributionId));
        Assert.Equal("retention.due", (await AuditAsync(store))[^1].Action);
        Assert.Empty(await store.Retention.DueAsync(TestStores.User("IT", Role.PolicyOfficer)));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Erase_EveryTableReferringToAContribution_IsCovered(string provider)
    {
        // A table with a column naming a contribution, an entity, a hit or a notice holds data that an erasure must remove.
        await using var store = await TestStores.CreateAsync(provider);
        await using var connection = await store.ConnectAsync();
        var columns = provider == TestStores.Sqlite
            ? await connection.QueryAsync<(string Table, string Column)>(
                "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p WHERE m.type = 'table'")
            : await connection.QueryAsync<(string Table, string Column)>(
                "SELECT table_name::text, column_name::text FROM information_schema.columns WHERE table_schema = 'public'");

        var referring = columns
            .Where(c => c.Column.EndsWith("contribution_id", StringComparison.Ordinal) || c.Column.EndsWith("entity_id", StringComparison.Ordinal)
                || c.Column is "hit_id" or "notice_id")
            .Select(c => c.Table)
            .Append("contributions")
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal);

        Assert.Equal(referring, Retention.ErasedTables.Order(StringComparer.Ordinal));
    }

    private static async Task<long> ContributeAsync(Store store, string org, string hash, DateOnly review, params Entity[] entities) =>
        (await store.Contributions.WriteAsync(TestStores.Contribution(org, null, "H0", hash) with { ReviewDate = review }, entities, TestStores.User(org, Role.Analyst)))
            .ContributionId;

    private static Entity Person(string id, string name, string phone) =>
        new(id, "Person", [new("name", name), new("birthDate", "1988-02-03", "1988-02-03"), new("nationality", "ly", "LY"), new("phone", phone, Phone(phone))]);

    private static string Phone(string text) => "+" + new string([.. text.Where(char.IsAsciiDigit)]);

    private static async Task<IReadOnlyList<ScreeningMatch>> Screen(Store store, Principal by) =>
        (await store.CrossCheck.ScreenPersonAsync(new PersonRecord("q") { Name = "Mohammed Ali Hassan", BirthDate = "1988-02-03" }, by)).Visible;

    private static async Task<List<Core.Audit.AuditEntry>> AuditAsync(Store store)
    {
        var entries = new List<Core.Audit.AuditEntry>();
        await foreach (var e in store.Audit.ReadAsync(1))
        {
            entries.Add(e);
        }

        return entries;
    }

    // Rows anywhere that still refer to the contribution.
    private static async Task<long> ReferencesAsync(Store store, long id)
    {
        await using var connection = await store.ConnectAsync();
        return await connection.ExecuteScalarAsync<long>(
            "SELECT (SELECT COUNT(*) FROM statements WHERE contribution_id = @id) + (SELECT COUNT(*) FROM entity_subjects WHERE contribution_id = @id) " +
            "+ (SELECT COUNT(*) FROM contribution_transfers WHERE contribution_id = @id) + (SELECT COUNT(*) FROM crosschecked WHERE contribution_id = @id) " +
            "+ (SELECT COUNT(*) FROM retention_notices WHERE contribution_id = @id) + (SELECT COUNT(*) FROM contributions WHERE id = @id) " +
            "+ (SELECT COUNT(*) FROM hits WHERE new_contribution_id = @id OR existing_contribution_id = @id)", new { id });
    }
}
