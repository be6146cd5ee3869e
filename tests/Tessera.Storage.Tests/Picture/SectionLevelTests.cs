using Tessera.Core.Access;
using Tessera.Core.Audit;
using Tessera.Core.Model;
using Tessera.Core.Picture;
using Tessera.Storage.Picture;

namespace Tessera.Storage.Tests.Picture;

/// <summary>Border sections and impact levels (Reg. 2019/1896 Arts. 34–35): configured by administrators, set with the right, audited.</summary>
public sealed class SectionLevelTests
{
    private static async Task<Store> WithSectionsAsync(string provider)
    {
        var store = await TestStores.CreateAsync(provider);
        await store.Picture.ConfigureSectionsAsync(BorderSections.Starter(), Principal.System);
        return store;
    }

    private static async Task<List<AuditEntry>> AuditAsync(Store store)
    {
        var list = new List<AuditEntry>();
        await foreach (var e in store.Audit.ReadAsync())
        {
            list.Add(e);
        }

        return list;
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task SetLevelAsync_Supervisor_ChangesLevelWithMeasuresAndAuditsTheReason(string provider)
    {
        await using var store = await WithSectionsAsync(provider);
        var supervisor = TestStores.User("IT", Role.Supervisor);

        var change = await store.Picture.SetLevelAsync("IT-SEA", SectionImpactLevel.High, "arrivals doubled, three SAR events", supervisor);
        var section = (await store.Picture.SectionsAsync()).Single(s => s.Section.Code == "IT-SEA");
        var history = await store.Picture.LevelHistoryAsync("IT-SEA");
        var audit = await AuditAsync(store);

        Assert.Equal(SectionImpactLevel.Low, change.Previous);
        Assert.Equal(SectionImpactLevel.High, section.Level);
        Assert.Equal("arrivals doubled, three SAR events", section.Reason);
        Assert.Equal(SectionImpactLevels.Measures(SectionImpactLevel.High), section.Measures);
        Assert.Equal("user-it", Assert.Single(history).SetBy);
        Assert.Contains(audit, e => e.Action == "picture.section.level" && e.Outcome == "ok" && e.Target == "picture_section:IT-SEA"
            && e.Details.Contains("arrivals doubled", StringComparison.Ordinal) && e.Actor == "user-it");
        var verification = await store.Audit.VerifyAsync();
        Assert.True(verification.Intact, verification.Problem);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task SetLevelAsync_WithoutTheRight_RefusedAndAudited(string provider)
    {
        await using var store = await WithSectionsAsync(provider);

        foreach (var principal in new[] { Principal.System, TestStores.User("IT", Role.Analyst), TestStores.User("EU", Role.PolicyOfficer) })
        {
            await Assert.ThrowsAsync<Tessera.Core.Access.AccessRefusedException>(() => store.Picture.SetLevelAsync("HR-BA", SectionImpactLevel.Critical, "because", principal));
        }

        var section = (await store.Picture.SectionsAsync()).Single(s => s.Section.Code == "HR-BA");
        Assert.Equal(SectionImpactLevel.Low, section.Level);
        Assert.Empty(await store.Picture.LevelHistoryAsync("HR-BA"));
        Assert.Equal(3, (await AuditAsync(store)).Count(e => e.Action == "picture.section.level" && e.Outcome == "deny"));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task SetLevelAsync_NoReasonOrUnknownSection_IsBadInput(string provider)
    {
        await using var store = await WithSectionsAsync(provider);
        var hub = TestStores.User("EU", Role.HubAnalyst);

        var noReason = await Assert.ThrowsAsync<ModelException>(() => store.Picture.SetLevelAsync("HR-BA", SectionImpactLevel.High, " ", hub));
        await Assert.ThrowsAsync<ModelException>(() => store.Picture.SetLevelAsync("XX-YY", SectionImpactLevel.High, "reason", hub));

        Assert.Equal("reason", noReason.Field);
        Assert.Empty(await store.Picture.LevelHistoryAsync("HR-BA"));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task ConfigureSectionsAsync_NotAdministrator_Refused(string provider)
    {
        await using var store = await TestStores.CreateAsync(provider);

        await Assert.ThrowsAsync<Tessera.Core.Access.AccessRefusedException>(() =>
            store.Picture.ConfigureSectionsAsync(BorderSections.Starter(), TestStores.User("IT", Role.Supervisor)));
        Assert.Empty(await store.Picture.SectionsAsync());
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task PictureDemo_SeedAsync_RealDataIncidentsLevelsAndProposals(string provider)
    {
        await using var store = await TestStores.CreateAsync(provider);

        await PictureDemo.SeedAsync(store, Path.Combine(Datasets.Root, "datasets"));
        await PictureDemo.SeedAsync(store, Path.Combine(Datasets.Root, "datasets"));

        var incidents = await store.Picture.IncidentsAsync();
        var sections = await store.Picture.SectionsWithProposalsAsync();
        Assert.Equal(200, incidents.Count);
        Assert.All(incidents, i => Assert.Contains(i.Route, new[] { "Central Mediterranean Route", "Western Balkan Route" }));
        Assert.Equal(SectionImpactLevel.High, sections.Single(s => s.Section.Code == "IT-SEA").Level);
        Assert.All(sections, s => Assert.NotNull(s.Proposal));
        Assert.Equal(230_912, (await store.Picture.SummaryAsync(new PictureQuery(new YearMonth(2023, 1), new YearMonth(2023, 8)), Principal.System)).Total);
        Assert.Equal(112_676, (await store.Picture.SummaryAsync(new PictureQuery(new YearMonth(2023, 1), new YearMonth(2023, 8), Source: PictureSources.ItalyDaily), Principal.System)).Total);
        Assert.NotEmpty(await store.Picture.PriceIndexAsync());
    }
}
