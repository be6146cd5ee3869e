using System.Globalization;
using System.Text;

namespace Tessera.Bench.Durability;

/// <summary>One generated contribution file of the crash test and what the store must hold for it.</summary>
/// <param name="Statements">Rows × property columns: every cell becomes one statement, so a stored contribution holds
/// exactly this many or it is partial.</param>
internal sealed record CrashFile(int Index, string Path, string Source, string Organisation, int Rows, int Statements)
{
    /// <summary>The importing process printed its success line and exited 0 (before any kill).</summary>
    public bool Acknowledged { get; set; }

    /// <summary>The contribution id the store gave it, once known.</summary>
    public long? ContributionId { get; set; }
}

/// <summary>Generates the crash test's contribution files: incident reports (Event entities) in a CSV with a mapping from
/// every column but the reference to a property, different content each time (seeded), a few hundred to a few thousand rows.</summary>
/// <remarks>Events rather than persons: the cross-check on arrival (after the commit, in its own transaction) screens every
/// person against the whole store, and with persons it grows to most of an import's duration, so uniformly drawn kills would
/// almost all land after the commit. Events carry no person and no strong identifier, so the write is a large part of the run.</remarks>
internal static class CrashFiles
{
    /// <summary>The property columns; the reference column REF becomes the entity id, not a statement.</summary>
    public const int PropertyColumns = 8;

    public const string Mapping =
        """
        format: csv
        delimiter: ","
        entities:
          incident:
            schema: Event
            id: "{REF}"
            properties:
              name: NAME
              startDate: FROM
              endDate: TO
              location: PLACE
              country: COUNTRY
              summary: SUMMARY
              description: DESCRIPTION
              recordId: RECORD
        """;

    private static readonly string[] Kinds = ["Interception", "Landing", "Boat departure", "Arrest", "Vehicle stop", "Search and rescue", "Pushback report", "Safe house raid"];
    private static readonly string[] Countries = ["LY", "TN", "IT", "MT", "GR", "TR", "RS", "BA", "HR", "MK", "AL", "EG"];
    private static readonly string[] Places = ["Zuwara", "Sabratha", "Sfax", "Lampedusa", "Pozzallo", "Evros", "Kos", "Subotica", "Bihać", "Izmir", "Valletta", "Tobruk"];
    private static readonly string[] Vessels = ["rubber boat", "wooden boat", "iron boat", "fishing vessel", "sailing yacht", "van", "lorry", "car"];

    /// <summary>Writes file number <paramref name="index"/> with <paramref name="rows"/> rows into <paramref name="folder"/>.</summary>
    public static CrashFile Write(string folder, int index, int rows, string organisation, Random random)
    {
        var source = string.Create(CultureInfo.InvariantCulture, $"crash-{index:D4}.csv");
        var path = Path.Combine(folder, source);
        var text = new StringBuilder("REF,NAME,FROM,TO,PLACE,COUNTRY,SUMMARY,DESCRIPTION,RECORD\n");
        for (var r = 0; r < rows; r++)
        {
            var from = new DateOnly(2019 + random.Next(7), 1 + random.Next(12), 1 + random.Next(28));
            var to = from.AddDays(random.Next(4));
            var kind = Kinds[random.Next(Kinds.Length)];
            var place = Places[random.Next(Places.Length)];
            var people = 5 + random.Next(400);
            text.Append(CultureInfo.InvariantCulture, $"{organisation}-{index:D4}-{r:D5},{kind} {place} {from:yyyy-MM-dd},{from:dd/MM/yyyy},{to:dd/MM/yyyy},")
                .Append(CultureInfo.InvariantCulture, $"{place},{Countries[random.Next(Countries.Length)]},{people} persons on a {Vessels[random.Next(Vessels.Length)]},")
                .Append(CultureInfo.InvariantCulture, $"{kind.ToLowerInvariant()} near {place}, seen {random.Next(1_000_000):D6} ")
                .Append(CultureInfo.InvariantCulture, $"crew of {1 + random.Next(6)} held; fee {500 + random.Next(9500)} EUR,RPT-{organisation}-{index:D4}-{r:D5}\n");
        }

        File.WriteAllText(path, text.ToString(), new UTF8Encoding(false));
        return new CrashFile(index, path, source, organisation, rows, rows * PropertyColumns);
    }
}
