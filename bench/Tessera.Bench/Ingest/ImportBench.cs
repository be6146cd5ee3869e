using System.Diagnostics;
using System.Globalization;
using System.Text;
using Tessera.Core.Access;
using Tessera.Core.Ingest;
using Tessera.Core.Normalisation;
using Tessera.Storage;
using Tessera.Storage.Directory;

namespace Tessera.Bench.Ingest;

/// <summary>Import throughput: a generated 10-column CSV (names, phones, dates …) mapped, normalised and written as one
/// contribution, into SQLite and (when TESSERA_POSTGRES is set) PostgreSQL.</summary>
/// <remarks>Usage: <c>import [ROWS]</c> (default 200,000). Reports rows/s for prepare (read + map + normalise) and write.</remarks>
internal static class ImportBench
{
    private static readonly string[] Given = ["Mohammed", "Ahmed", "Youssef", "Ibrahim", "Omar", "Ali", "Hassan", "Khaled", "Aisha", "Fatima", "Mariam", "Abdullah", "Mustafa", "Hussein", "Samir", "Karim"];
    private static readonly string[] Family = ["Hassan", "Al-Zuwari", "Ben Salem", "Touré", "Mansour", "Kamara", "Demir", "Faruk", "Haddad", "Gharbi", "Nasser", "Saleh", "Osman", "Abdi", "Diallo", "Traoré"];
    private static readonly string[] Countries = ["LY", "TN", "EG", "SY", "ML", "GM", "SD", "ER", "AF", "PK", "BD", "MA"];
    private static readonly string[] Cities = ["Zuwara", "Sabratha", "Sfax", "Tripoli", "Benghazi", "Izmir", "Lampedusa", "Agadez", "Khartoum", "Kabul"];

    private const string Mapping =
        """
        format: csv
        delimiter: ","
        entities:
          person:
            schema: Person
            id: "{REF}"
            properties:
              firstName: GIVEN
              lastName: FAMILY
              name: "{GIVEN} {FAMILY}"
              birthDate: BORN
              nationality: NATIONALITY
              phone: PHONE
              birthPlace: CITY
              gender: SEX
              passportNumber: DOCUMENT
              notes: REMARK
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var rows = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 200_000;
        var dir = Path.Combine(Path.GetTempPath(), "tessera-import-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var csv = Path.Combine(dir, "persons.csv");
        var mapping = Path.Combine(dir, "persons.mapping.yml");
        Generate(csv, rows);
        await File.WriteAllTextAsync(mapping, Mapping);
        var request = new ContributionRequest("IT", null);

        // Warm-up on a small prefix (JIT, phone metadata), not timed.
        FileImport.Prepare(csv, mapping, request, new NormalisationContext("IT"), 2_000);

        var clock = Stopwatch.StartNew();
        var prepared = FileImport.Prepare(csv, mapping, request, new NormalisationContext("IT"));
        var prepare = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"prepare: {rows:N0} rows, {prepared.Entities.Count:N0} entities, {prepared.Problems.Count:N0} invalid values kept, {prepare:0.00} s = {rows / prepare:N0} rows/s"));

        var targets = new List<(string Name, StorageOptions Options)> { ("sqlite", StorageOptions.Sqlite(Path.Combine(dir, "data"))) };
        if (Environment.GetEnvironmentVariable(StorageOptions.PostgresVariable) is { Length: > 0 } pg)
        {
            targets.Add(("postgres", new StorageOptions(StorageProvider.Postgres, pg, dir)));
        }

        foreach (var (name, options) in targets)
        {
            await using var store = await Store.OpenAsync(options);
            if (await store.Directory.OrganisationAsync("IT") is null)
            {
                await store.Directory.AddOrganisationAsync(new Organisation("IT", "Italy", "IT", "national"), Principal.System);
            }

            var contribution = request.ToContribution(prepared.Source, prepared.ContentHash + "-" + Guid.NewGuid().ToString("N"), "bench", DateTimeOffset.UtcNow);
            clock.Restart();
            var result = await store.Contributions.WriteAsync(contribution, prepared.Entities, Principal.System);
            var write = clock.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: write {result.Statements:N0} statements in {write:0.00} s = {rows / write:N0} rows/s; end to end {rows / (prepare + write):N0} rows/s"));
        }

        Directory.Delete(dir, recursive: true);
        return 0;
    }

    private static void Generate(string path, int rows)
    {
        var random = new Random(20261128);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.WriteLine("REF,GIVEN,FAMILY,BORN,NATIONALITY,PHONE,CITY,SEX,DOCUMENT,REMARK");
        for (var i = 0; i < rows; i++)
        {
            var born = new DateOnly(1960 + random.Next(45), 1 + random.Next(12), 1 + random.Next(28));
            var phone = random.Next(3) switch
            {
                0 => string.Create(CultureInfo.InvariantCulture, $"+218 9{random.Next(1, 5)} {random.Next(100, 999)} {random.Next(1000, 9999)}"),
                1 => string.Create(CultureInfo.InvariantCulture, $"+39 3{random.Next(20, 49)} {random.Next(100, 999)} {random.Next(1000, 9999)}"),
                _ => string.Create(CultureInfo.InvariantCulture, $"+216 {random.Next(20, 99)} {random.Next(100, 999)} {random.Next(100, 999)}"),
            };
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"IT-{i:D7},{Given[random.Next(Given.Length)]},{Family[random.Next(Family.Length)]},{born:dd/MM/yyyy},{Countries[random.Next(Countries.Length)]},{phone},{Cities[random.Next(Cities.Length)]},{(random.Next(2) == 0 ? "M" : "F")},P{random.Next(1000000, 9999999)},intercept {i % 97}"));
        }
    }
}
