using System.Text.Json;
using System.Xml.Linq;
using Tessera.Core.Picture;

namespace Tessera.Core.Tests.Picture;

/// <summary>Section levels and proposals, the price index, GeoJSON and SVG outputs.</summary>
public sealed class SectionsPricesOutputsTests
{
    [Fact]
    public void Starter_HasLandPairsOnRoutesAndSeaSections()
    {
        var sections = BorderSections.Starter();

        Assert.Contains(sections, s => s.Code == "HR-BA" && s.Kind == BorderKind.Land && s.Route == "Western Balkan Route" && s.LengthKm == 800);
        Assert.Contains(sections, s => s.Code == "IT-SEA" && s.Kind == BorderKind.Sea);
        Assert.DoesNotContain(sections, s => s.Neighbour is "BR" or "SR" or "AD" or "VA");
        Assert.Equal(sections.Count, sections.Select(s => s.Code).Distinct().Count());
        Assert.All(sections, s => Assert.InRange(s.Latitude, 20, 72));
    }

    [Fact]
    public void Measures_AreCumulative()
    {
        var levels = Enum.GetValues<SectionImpactLevel>();
        for (var i = 1; i < levels.Length; i++)
        {
            var lower = SectionImpactLevels.Measures(levels[i - 1]);
            var higher = SectionImpactLevels.Measures(levels[i]);
            Assert.Equal(lower, higher.Take(lower.Count));
            Assert.True(higher.Count > lower.Count);
        }

        Assert.Contains(SectionImpactLevels.Measures(SectionImpactLevel.Critical), m => m.Contains("Art. 41", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(3000, 3000, 0, 0, 0, false, SectionImpactLevel.Medium)]
    [InlineData(300, 300, 0, 0, 0, false, SectionImpactLevel.Low)]
    [InlineData(6000, 3000, 0, 0, 0, false, SectionImpactLevel.High)]
    [InlineData(600, 300, 0, 0, 0, false, SectionImpactLevel.Medium)]
    [InlineData(300, 300, 2, 1, 0, false, SectionImpactLevel.Medium)]
    [InlineData(300, 300, 3, 3, 0, false, SectionImpactLevel.High)]
    [InlineData(300, 300, 1, 0, 1, false, SectionImpactLevel.High)]
    [InlineData(300, 300, 0, 0, 0, true, SectionImpactLevel.High)]
    public void Propose_Indicators_Level(long detections, long previous, int incidents, int high, int veryHigh, bool alert, SectionImpactLevel expected)
    {
        var proposal = ImpactLevelProposals.Propose(new SectionIndicators(detections, previous, incidents, high, veryHigh, alert));

        Assert.Equal(expected, proposal.Level);
        Assert.NotEmpty(proposal.Reasons);
        Assert.NotEqual(SectionImpactLevel.Critical, proposal.Level);
    }

    [Fact]
    public void Propose_EarlyWarning_StatesTheAlertAsTheReason()
    {
        const string why = "Central Mediterranean Route in 2025-04: 9,000 detections against 4,000 expected (interval 2,100–6,500)";

        var proposal = ImpactLevelProposals.Propose(new SectionIndicators(300, 300, 0, 0, 0, true, why));

        Assert.Equal(SectionImpactLevel.High, proposal.Level);
        Assert.Contains(proposal.Reasons, r => r.Contains(why, StringComparison.Ordinal));
    }

    [Fact]
    public void PriceIndex_GeneratedObservations_MedianRangeAndIndex()
    {
        var random = new Random(42);
        var observations = new List<PriceObservation>();
        foreach (var (month, centre) in new[] { (new YearMonth(2024, 1), 3000.0), (new YearMonth(2024, 2), 4500.0) })
        {
            for (var i = 0; i < 201; i++)
            {
                observations.Add(new PriceObservation("Central Mediterranean Route", month, centre * Math.Exp(0.3 * ((random.NextDouble() * 2) - 1)), i % 2 == 0 ? "eur" : "EUR"));
            }
        }

        observations.Add(new PriceObservation("Central Mediterranean Route", new YearMonth(2024, 1), 900_000, "EUR"));
        observations.Add(new PriceObservation("Central Mediterranean Route", new YearMonth(2024, 1), 1500, "USD"));

        var index = SmugglingPrices.Index(observations);

        var eur = index.Where(p => p.Currency == "EUR").ToList();
        Assert.Equal(2, eur.Count);
        Assert.Equal(100, eur[0].Index);
        Assert.InRange(eur[0].Median, 2800, 3200);
        Assert.Equal(900_000, eur[0].Max);
        Assert.InRange(eur[1].Index, 140, 160);
        Assert.True(eur[0].Lower <= eur[0].Median && eur[0].Median <= eur[0].Upper);
        Assert.Single(index, p => p.Currency == "USD");
    }

    [Fact]
    public void Quantile_MatchesHandComputedValues()
    {
        double[] v = [1, 2, 3, 4];

        Assert.Equal(2.5, Statistics.Quantile(v, 0.5));
        Assert.Equal(1.75, Statistics.Quantile(v, 0.25));
        Assert.Equal(1.4826, Statistics.Mad([1, 2, 3, 4, 5]), 9);
    }

    [Fact]
    public void GeoJson_Starter_IsAFeatureCollectionOfRoutesAndSections()
    {
        using var doc = JsonDocument.Parse(PictureGeoJson.Starter());
        var features = doc.RootElement.GetProperty("features").EnumerateArray().ToList();

        Assert.Equal("FeatureCollection", doc.RootElement.GetProperty("type").GetString());
        Assert.Equal(BorderSections.Starter().Count + BorderSections.RouteLines().Count, features.Count);
        var section = features.First(f => f.GetProperty("properties").GetProperty("kind").GetString() == "section");
        var lon = section.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble();
        Assert.Equal(BorderSections.Starter()[0].Longitude, lon, 5);
    }

    [Fact]
    public void SvgChart_Summary_IsWellFormedWithOneBarPerMonth()
    {
        var detections = Enumerable.Range(1, 8).Select(m => new DetectionCount(new YearMonth(2023, m), "A", "Sea", "X", m * 1000, PictureSources.Frontex))
            .Concat(Enumerable.Range(1, 8).Select(m => new DetectionCount(new YearMonth(2022, m), "A", "Sea", "X", 500, PictureSources.Frontex)));
        var summary = PictureAnalysis.Summarise(detections, new PictureQuery(new YearMonth(2023, 1), new YearMonth(2023, 8)));

        var svg = XDocument.Parse(SvgChart.MonthlyBars(summary, "Test & chart"));
        XNamespace ns = "http://www.w3.org/2000/svg";

        Assert.Equal(8, svg.Descendants(ns + "rect").Count(r => r.Element(ns + "title") is not null));
        Assert.Contains(svg.Descendants(ns + "title"), t => t.Value == "2023-08: 8,000");
        Assert.Equal(9, SvgChart.Csv(summary).Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }
}
