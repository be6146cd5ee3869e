using Tessera.Core.Access;
using Tessera.Core.Model;
using Tessera.Storage.Cases;

namespace Tessera.Storage.Tests.Cases;

/// <summary>Case workspaces and their notes: members read and write, everyone else is answered as if there were no case.</summary>
public sealed class CaseWorkspaceTests
{
    private static readonly Principal Italian = TestStores.User("IT", Role.Analyst);
    private static readonly Principal Greek = TestStores.User("GR", Role.Analyst);
    private static readonly Principal Maltese = TestStores.User("MT", Role.Analyst);

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task AddNote_Member_IsReadByPartnersWithAuthorOrganisationAndAudit(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);

        var note = await CaseNotes.AddAsync(store, "C1", "  skipper seen again in Zuwara  ", Greek);
        var notes = await CaseNotes.ReadAsync(store, "C1", Italian);

        var read = Assert.Single(notes!);
        Assert.Equal(note!.Id, read.Id);
        Assert.Equal(("user-gr", "GR", "skipper seen again in Zuwara"), (read.Author, read.Organisation, read.Text));
        var actions = await AuditActionsAsync(store);
        Assert.Contains(("case.note.add", "case:C1", "ok"), actions);
        Assert.Contains(("case.notes.read", "case:C1", "ok"), actions);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Notes_NonMember_CanNeitherReadNorAdd_AndIsAudited(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);
        await CaseNotes.AddAsync(store, "C1", "meeting on Friday", Italian);

        Assert.Null(await CaseNotes.ReadAsync(store, "C1", Maltese));
        Assert.Null(await CaseNotes.AddAsync(store, "C1", "let me in", Maltese));
        Assert.Null(await CaseWorkspace.OpenAsync(store, "C1", Maltese));

        Assert.Single((await CaseNotes.ReadAsync(store, "C1", Italian))!);
        var actions = await AuditActionsAsync(store);
        Assert.Contains(("case.notes.read", "case:C1", "Deny"), actions);
        Assert.Contains(("case.note.add", "case:C1", "Deny"), actions);
        Assert.Contains(("case.read", "case:C1", "Deny"), actions);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Notes_HubAnalystOutsideTheCase_AndPolicyOfficerOfMember_AreRefused(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);

        Assert.Null(await CaseNotes.ReadAsync(store, "C1", TestStores.User("EU", Role.HubAnalyst)));
        Assert.Null(await CaseNotes.ReadAsync(store, "C1", TestStores.User("IT", Role.PolicyOfficer)));
        Assert.Null(await CaseNotes.AddAsync(store, "C1", "note", TestStores.User("IT", Role.Auditor)));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Notes_UnknownCase_LooksLikeNotAMember(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);

        Assert.Null(await CaseNotes.ReadAsync(store, "NO-SUCH", Italian));
        Assert.Null(await CaseNotes.AddAsync(store, "NO-SUCH", "x", Italian));
        Assert.Contains(("case.notes.read", "case:NO-SUCH", "none"), await AuditActionsAsync(store));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task AddNote_EmptyText_IsRejectedNamingTheField(string text)
    {
        await using var store = await TestStores.CreateSeededAsync(TestStores.Sqlite);

        var error = await Assert.ThrowsAsync<ModelException>(() => CaseNotes.AddAsync(store, "C1", text, Italian));

        Assert.Equal("text", error.Field);
        Assert.Empty((await CaseNotes.ReadAsync(store, "C1", Italian))!);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task Open_Member_SeesMembersContributionsAndRestrictedOnesOnlyAsReference(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);
        await store.Contributions.WriteAsync(TestStores.Contribution("IT", "C1", "H0,H1", "a"),
            [TestStores.Person("it-1", "Mohammed Ali Hassan", "1988-02-03"), TestStores.Person("it-2", "Youssef Ben Salem")], Italian);
        await store.Contributions.WriteAsync(TestStores.Contribution("IT", "C1", "H3", "b"), [TestStores.Person("it-3", "Ali Kaya")], Italian);
        await store.Contributions.WriteAsync(TestStores.Contribution("IT", null, "H0", "c"), [TestStores.Person("it-4", "Omar Said")], Italian);

        var view = await CaseWorkspace.OpenAsync(store, "C1", Greek);

        Assert.Equal(["GR", "IT"], view!.Case.Members.Order(StringComparer.Ordinal));
        Assert.Equal(2, view.Contributions.Count);
        var open = Assert.Single(view.Contributions, c => !c.Restricted);
        Assert.Equal(("IT", "H0,H1", "B", 2, 2), (open.Provider, open.Handling, open.Reliability, open.Accuracy, open.Entities));
        var restricted = Assert.Single(view.Contributions, c => c.Restricted);
        Assert.Equal("IT", restricted.Provider);
        Assert.Null(restricted.Handling);
        Assert.Null(restricted.Entities);
        Assert.Equal(["C1"], (await CaseWorkspace.CasesOfAsync(store, Greek)).Select(c => c.Id));
        Assert.Empty(await CaseWorkspace.CasesOfAsync(store, Maltese));
    }

    private static async Task<List<(string Action, string Target, string Outcome)>> AuditActionsAsync(Store store)
    {
        var list = new List<(string, string, string)>();
        await foreach (var e in store.Audit.ReadAsync())
        {
            list.Add((e.Action, e.Target, e.Outcome));
        }

        return list;
    }
}
