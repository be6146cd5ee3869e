using System.Globalization;
using Tessera.Core.Picture;

namespace Tessera.Core.Tests.Picture;

/// <summary>From Frontex's own workbook, the analysis reproduces Frontex's figures (datasets/frontex-ibc/README.md §4).</summary>
public sealed class FrontexFiguresTests
{
    private static readonly Lazy<DetectionBatch> Workbook = new(() => DetectionFiles.Read(Datasets.Workbook));

    [Fact]
    public void Read_Workbook_RecognisesFormatVintageAndGrandTotal()
    {
        var batch = Workbook.Value;

        Assert.Equal(DetectionFormat.FrontexWorkbook, batch.Format);
        Assert.Equal("2025-06-03", batch.Vintage);
        Assert.Equal(34_274, batch.Detections.Count);
        Assert.Equal(4_966_869, batch.Detections.Sum(d => d.Count));
        Assert.Equal(9, batch.Detections.Select(d => d.Route).Distinct().Count());
        Assert.Equal(new YearMonth(2025, 4), batch.Detections.Max(d => d.Month));
    }

    [Fact]
    public void Summarise_JanuaryToAugust2023_ReproducesFrontexFigures()
    {
        var summary = PictureAnalysis.Summarise(Workbook.Value.Detections, new PictureQuery(new YearMonth(2023, 1), new YearMonth(2023, 8)));

        Assert.Equal(230_912, summary.Total);
        Assert.Equal(192_001, summary.PreviousTotal);
        Assert.Equal(0.203, summary.Change!.Value, 3);
        var central = Assert.Single(summary.Routes, r => r.Route == "Central Mediterranean Route");
        Assert.Equal(114_872, central.Total);
        Assert.Equal(58_360, central.PreviousTotal);
        Assert.Equal(0.968, central.Change!.Value, 3);
        Assert.Equal(0.497, central.Share!.Value, 3);
        Assert.Equal("Central Mediterranean Route", summary.Routes[0].Route);
        Assert.Equal(1.0, summary.Routes.Sum(r => r.Share!.Value), 9);
    }

    [Fact]
    public void Summarise_CentralMediterranean2023_TopNationalitiesAsInReadme()
    {
        var summary = PictureAnalysis.Summarise(Workbook.Value.Detections,
            new PictureQuery(new YearMonth(2023, 1), new YearMonth(2023, 8), Route: "Central Mediterranean", TopNationalities: 5));

        Assert.Equal(["Guinea", "Côte d'Ivoire", "Tunisia", "Egypt", "Bangladesh"], summary.TopNationalities.Select(n => n.Nationality));
        Assert.Equal([16_044L, 15_036, 12_820, 8_611, 7_877], summary.TopNationalities.Select(n => n.Total!.Value));
        Assert.Equal("GIN", summary.TopNationalities[0].Iso3);
    }

    [Fact]
    public void Summarise_EveryYearAndRoute_MatchesTheCheckTable()
    {
        var detections = Workbook.Value.Detections;
        var lines = File.ReadAllLines(Datasets.Frontex("check_jan_aug_by_route_year.csv")).Skip(1).ToList();
        Assert.True(lines.Count > 100);
        foreach (var line in lines)
        {
            var f = line.Split(',');
            var year = int.Parse(f[0], CultureInfo.InvariantCulture);
            var summary = PictureAnalysis.Summarise(detections, new PictureQuery(new YearMonth(year, 1), new YearMonth(year, 8), Route: f[1] == "ALL" ? null : f[1]));
            Assert.Equal(long.Parse(f[2], CultureInfo.InvariantCulture), summary.Total);
        }
    }

    [Fact]
    public void Read_LongCsv_SameTotalsAsWorkbook()
    {
        var csv = DetectionFiles.Read(Datasets.Frontex("frontex_ibc_monthly_long.csv"));
        var query = new PictureQuery(new YearMonth(2016, 1), new YearMonth(2016, 12));

        Assert.Equal(DetectionFormat.DetectionsLongCsv, csv.Format);
        Assert.Equal(PictureAnalysis.Summarise(Workbook.Value.Detections, query), PictureAnalysis.Summarise(csv.Detections, query), new SummaryComparer());
    }

    [Fact]
    public void Read_WideCsv_SameGrandTotalAsWorkbook()
    {
        var wide = DetectionFiles.Read(Datasets.Frontex("frontex_ibc_monthly_wide.csv"));

        Assert.Equal(DetectionFormat.FrontexWideCsv, wide.Format);
        Assert.Equal(Workbook.Value.Detections.Sum(d => d.Count), wide.Detections.Sum(d => d.Count));
    }

    [Fact]
    public void Read_ItalianDailyArrivals_LatestReportPerDayReproducesReadme()
    {
        var batch = DetectionFiles.Read(Datasets.Frontex(Path.Combine("italy-cruscotto", "sbarchi-per-giorno.csv")));
        var monthly = batch.DailyArrivals.GroupBy(d => YearMonth.Of(d.Day))
            .Select(g => new DetectionCount(g.Key, g.First().Route, "Sea", "All", g.Sum(d => d.Count), PictureSources.ItalyDaily));

        var summary = PictureAnalysis.Summarise(monthly, new PictureQuery(new YearMonth(2023, 1), new YearMonth(2023, 8), Source: PictureSources.ItalyDaily));

        Assert.Equal(DetectionFormat.ItalianDailyArrivals, batch.Format);
        Assert.Equal(batch.DailyArrivals.Count, batch.DailyArrivals.Select(d => d.Day).Distinct().Count());
        Assert.Equal(112_676, summary.Total);
        Assert.Equal(56_259, summary.PreviousTotal);
        Assert.Equal(4_959, summary.Months[0].Count);
        Assert.Contains(batch.Warnings, w => w.Reason.Contains("0[VALORE]0", StringComparison.Ordinal));
    }

    private sealed class SummaryComparer : IEqualityComparer<PictureSummary>
    {
        public bool Equals(PictureSummary? x, PictureSummary? y) =>
            x!.Total == y!.Total && x.PreviousTotal == y.PreviousTotal && x.Routes.SequenceEqual(y.Routes) && x.Months.SequenceEqual(y.Months);

        public int GetHashCode(PictureSummary obj) => 0;
    }
}
