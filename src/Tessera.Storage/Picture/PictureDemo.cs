using System.Globalization;
using Tessera.Core.Access;
using Tessera.Core.Picture;

namespace Tessera.Storage.Picture;

/// <summary>Demo data for the situational picture: the real Frontex workbook and Italian daily arrivals, the starter border
/// sections with levels, and generated incidents and smuggling prices on the Central Mediterranean and Western Balkan routes.</summary>
/// <remarks>Deterministic (seeded randomness) and idempotent: a second call adds nothing.</remarks>
public static class PictureDemo
{
    /// <summary>The hub analyst in whose name demo levels are set (the right to set impact levels, Art. 34).</summary>
    public static Principal HubAnalyst { get; } = new("demo-hub-analyst", "EU", new HashSet<Role> { Role.HubAnalyst });

    private static readonly string[] Categories = ["unauthorised border crossing", "facilitation", "search and rescue", "cross-border crime"];

    private static readonly string[] DemoSections = ["IT-SEA", "MT-SEA", "HR-BA", "HR-RS", "HU-RS", "RO-RS", "BG-RS", "BG-MK"];

    /// <summary>Seeds the store; <paramref name="datasets"/> is a <c>datasets</c> folder holding <c>frontex-ibc</c>: the copy
    /// shipped with the program (<c>demo/datasets</c> in its base directory) when null.</summary>
    public static async Task SeedAsync(Store store, string? datasets = null, CancellationToken ct = default)
    {
        var folder = Path.Combine(datasets ?? Path.Combine(Demo.DemoScenario.Folder, "datasets"), "frontex-ibc");
        await ImportOnceAsync(store, Path.Combine(folder, "frontex_monthly_detections_of_IBC_FRAN_2025-06-03.xlsx"), ct);
        await ImportOnceAsync(store, Path.Combine(folder, "italy-cruscotto", "sbarchi-per-giorno.csv"), ct);
        await store.Picture.ConfigureSectionsAsync(BorderSections.Starter(), Principal.System, ct);
        if ((await store.Picture.IncidentsAsync(ct: ct)).Any(i => i.Reference.StartsWith("DEMO-", StringComparison.Ordinal)))
        {
            return;
        }

        var sections = BorderSections.Starter().Where(s => DemoSections.Contains(s.Code)).ToList();
        var random = new Random(20250603);
        await store.Picture.AddIncidentsAsync(Incidents(sections, random, 200), HubAnalyst, ct);
        await store.Picture.AddPricesAsync(Prices(random), HubAnalyst, ct);
        await store.Picture.SetLevelAsync("IT-SEA", SectionImpactLevel.High, "Demo: sustained arrivals on the Central Mediterranean, repeated search-and-rescue events near Lampedusa", HubAnalyst, ct);
        await store.Picture.SetLevelAsync("MT-SEA", SectionImpactLevel.Medium, "Demo: departures from western Libya rising against last year", HubAnalyst, ct);
        await store.Picture.SetLevelAsync("HR-BA", SectionImpactLevel.Medium, "Demo: facilitation incidents along the Una river", HubAnalyst, ct);
        await store.Picture.SetLevelAsync("HU-RS", SectionImpactLevel.Medium, "Demo: pressure on the fence near Röszke", HubAnalyst, ct);
    }

    // The demo workspace seeds at every start: parse a file only when its content is not stored yet.
    private static async Task ImportOnceAsync(Store store, string path, CancellationToken ct)
    {
        var bytes = await File.ReadAllBytesAsync(path, ct);
        if (!await store.Picture.IsImportedAsync(DetectionFiles.Hash(bytes), ct))
        {
            await store.Picture.ImportAsync(DetectionFiles.Read(Path.GetFileName(path), bytes), Principal.System, ct);
        }
    }

    private static List<Incident> Incidents(List<BorderSection> sections, Random random, int count)
    {
        var start = new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero);
        var list = new List<Incident>();
        for (var i = 0; i < count; i++)
        {
            // Sea sections get two thirds of the incidents, as on the routes themselves.
            var section = random.NextDouble() < 0.66 ? sections[random.Next(2)] : sections[2 + random.Next(sections.Count - 2)];
            var spread = section.Kind == BorderKind.Sea ? 1.2 : 0.3;
            var roll = random.NextDouble();
            var level = roll < 0.5 ? IncidentImpactLevel.Low : roll < 0.8 ? IncidentImpactLevel.Medium : roll < 0.95 ? IncidentImpactLevel.High : IncidentImpactLevel.VeryHigh;
            var category = section.Kind == BorderKind.Sea && random.NextDouble() < 0.5 ? "search and rescue" : Categories[random.Next(Categories.Length)];
            list.Add(new Incident(
                "DEMO-" + (i + 1).ToString("0000", CultureInfo.InvariantCulture),
                start.AddMinutes(random.Next(89 * 24 * 60)),
                Math.Round(section.Latitude + ((random.NextDouble() - 0.5) * spread), 4),
                Math.Round(section.Longitude + ((random.NextDouble() - 0.5) * spread), 4),
                section.Code, section.Route, category, level,
                section.Kind == BorderKind.Sea ? 10 + random.Next(80) : 1 + random.Next(25),
                section.MemberState));
        }

        return list;
    }

    private static List<PriceObservation> Prices(Random random)
    {
        var list = new List<PriceObservation>();
        foreach (var (route, centre) in new[] { ("Central Mediterranean Route", 3500.0), ("Western Balkan Route", 2500.0) })
        {
            foreach (var month in YearMonth.Range(new YearMonth(2024, 5), new YearMonth(2025, 4)))
            {
                var level = centre * (1 + (0.02 * (month.Index - new YearMonth(2024, 5).Index)));
                for (var i = 0; i < 10 + random.Next(20); i++)
                {
                    list.Add(new PriceObservation(route, month, Math.Round(level * Math.Exp(0.35 * ((random.NextDouble() * 2) - 1)) / 10) * 10, "EUR", "demo-post"));
                }
            }
        }

        return list;
    }
}
