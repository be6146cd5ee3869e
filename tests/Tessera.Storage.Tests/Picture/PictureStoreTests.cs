using System.Text;
using Dapper;
using Tessera.Core.Access;
using Tessera.Core.Model;
using Tessera.Core.Picture;

namespace Tessera.Storage.Tests.Picture;

/// <summary>Detection imports on both databases: all-or-nothing, idempotent, latest vintage only; summaries through the policy.</summary>
public sealed class PictureStoreTests
{
    internal static readonly Lazy<DetectionBatch> Workbook = new(() => DetectionFiles.Read(Datasets.Workbook));

    private static readonly PictureQuery JanAug2023 = new(new YearMonth(2023, 1), new YearMonth(2023, 8));

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task ImportAsync_Workbook_ReproducesFiguresAndRepeatAddsNothing(string provider)
    {
        await using var store = await TestStores.CreateAsync(provider);

        var first = await store.Picture.ImportAsync(Workbook.Value, Principal.System);
        var again = await store.Picture.ImportAsync(Workbook.Value, Principal.System);
        var summary = await store.Picture.SummaryAsync(JanAug2023, Principal.System);

        Assert.True(first.Added);
        Assert.False(again.Added);
        Assert.Equal(first.ImportId, again.ImportId);
        Assert.Equal(34_274, (await store.Picture.DetectionsAsync()).Count);
        Assert.Equal(230_912, summary.Total);
        Assert.Equal(0.203, summary.Change!.Value, 3);
        Assert.Equal(114_872, summary.Routes.Single(r => r.Route == "Central Mediterranean Route").Total);
        Assert.Equal("2025-06-03", (await store.Picture.ImportsAsync()).Single().Vintage);
        var verification = await store.Audit.VerifyAsync();
        Assert.True(verification.Intact, verification.Problem);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task ImportAsync_NewVintage_SupersedesTheOldOne(string provider)
    {
        await using var store = await TestStores.CreateAsync(provider);
        var old = Batch("route,border_type,nationality,month,detections\nA Route,Sea,Syria,2023-01,10\nA Route,Sea,Syria,2023-02,20\n");
        var revised = Batch("route,border_type,nationality,month,detections\nA Route,Sea,Syria,2023-01,12\n");

        await store.Picture.ImportAsync(old, Principal.System);
        var result = await store.Picture.ImportAsync(revised, Principal.System);
        var detections = await store.Picture.DetectionsAsync();

        Assert.NotNull(result.Superseded);
        Assert.Equal(12, Assert.Single(detections).Count);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task ImportAsync_FailingRow_StoresNothing(string provider)
    {
        await using var store = await TestStores.CreateAsync(provider);
        const string header = "reference,time,latitude,longitude,border_section,route,category,impact_level,persons\n";
        await store.Picture.ImportAsync(Batch(header + "I1,2025-01-01T10:00:00Z,35.5,12.6,IT-SEA,CM,sar,high,3\n"), Principal.System);
        var audit = await store.Audit.CountAsync();

        await Assert.ThrowsAsync<ModelException>(() => store.Picture.ImportAsync(
            Batch(header + "I2,2025-01-02T10:00:00Z,35.5,12.6,IT-SEA,CM,sar,low,3\nI1,2025-01-03T10:00:00Z,35.5,12.6,IT-SEA,CM,sar,low,3\n"), Principal.System));

        Assert.Equal(["I1"], (await store.Picture.IncidentsAsync()).Select(i => i.Reference));
        Assert.Single(await store.Picture.ImportsAsync());
        Assert.Equal(audit, await store.Audit.CountAsync());
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task ImportAsync_PolicyOfficer_IsRefused(string provider)
    {
        await using var store = await TestStores.CreateAsync(provider);

        await Assert.ThrowsAsync<Tessera.Core.Access.AccessRefusedException>(() =>
            store.Picture.ImportAsync(Batch("route,border_type,nationality,month,detections\nA,Sea,X,2023-01,1\n"), TestStores.User("EU", Role.PolicyOfficer)));
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task SummaryAsync_PolicyOfficer_SeesNoSmallCounts(string provider)
    {
        await using var store = await TestStores.CreateAsync(provider);
        await store.Picture.ImportAsync(Workbook.Value, Principal.System);

        var full = await store.Picture.SummaryAsync(JanAug2023, TestStores.User("IT", Role.Analyst));
        var officer = await store.Picture.SummaryAsync(JanAug2023, TestStores.User("EU", Role.PolicyOfficer));

        Assert.Equal(4, full.Routes.Single(r => r.Route == "Other").Total);
        Assert.Null(officer.Routes.Single(r => r.Route == "Other").Total);
        Assert.Equal(full.Total, officer.Total);
        Assert.True(officer.Suppressed);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task DailyArrivals_Stored_SummedToMonths(string provider)
    {
        await using var store = await TestStores.CreateAsync(provider);
        await store.Picture.ImportAsync(Batch("Data,Valore,Note,Fonte,Data_Report\n2023-01-01,3,,,2023-01-15\n2023-01-01,7,,,2023-01-31\n2023-01-02,5,,,2023-01-31\n2023-02-01,1,,,2023-02-15\n"), Principal.System);

        var months = await store.Picture.DetectionsAsync(PictureSources.ItalyDaily);

        Assert.Equal(3, (await store.Picture.DailyArrivalsAsync()).Count);
        Assert.Equal(12, months.Single(m => m.Month == new YearMonth(2023, 1)).Count);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task PriceIndexAsync_GeneratedObservations_MedianPerRouteAndMonth(string provider)
    {
        await using var store = await TestStores.CreateAsync(provider);
        var random = new Random(7);
        var prices = Enumerable.Range(0, 60)
            .Select(i => new PriceObservation(i % 2 == 0 ? "Central Mediterranean Route" : "Western Balkan Route", new YearMonth(2024, 1 + (i % 3)),
                (i % 2 == 0 ? 3000 : 2000) + random.Next(-200, 200), "EUR", "post-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

        await store.Picture.AddPricesAsync(prices, TestStores.User("IT", Role.Analyst));
        var index = await store.Picture.PriceIndexAsync("Central Mediterranean");

        Assert.Equal(3, index.Count);
        Assert.All(index, p => Assert.InRange(p.Median, 2800, 3200));
        Assert.Equal(30, index.Sum(p => p.Observations));
    }

    internal static DetectionBatch Batch(string csv) => DetectionFiles.Read("test.csv", Encoding.UTF8.GetBytes(csv));

    internal static async Task<long> ScalarAsync(Store store, string sql, object? args = null)
    {
        await using var connection = await store.ConnectAsync();
        return await connection.ExecuteScalarAsync<long>(sql, args);
    }
}
