using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;
using Tessera.Core.Access;
using Tessera.Core.Ingest;
using Tessera.Core.Normalisation;
using Tessera.Storage;
using Tessera.Storage.Directory;

namespace Tessera.Bench.Ingest;

/// <summary>Import throughput: a generated 10-column CSV (names, phones, dates …) mapped, normalised and written as one
/// contribution, into SQLite and (when TESSERA_POSTGRES is set) PostgreSQL.</summary>
/// <remarks>Usage: <c>import [ROWS]</c> (default 200,000). Reports rows/s for prepare (read + map + normalise) and write, and the time of the cross-check on arrival.</remarks>
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

        Console.WriteLine("load average: " + LoadAverage());
        var cpu = CpuSeconds();
        var clock = Stopwatch.StartNew();
        var prepared = FileImport.Prepare(csv, mapping, request, new NormalisationContext("IT"));
        var prepare = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"prepare: {rows:N0} rows, {prepared.Entities.Count:N0} entities, {prepared.Problems.Count:N0} invalid values kept, {prepare:0.00} s = {rows / prepare:N0} rows/s, {CpuSeconds() - cpu:0.00} CPU s"));

        var targets = new List<(string Name, StorageOptions Options)> { ("sqlite", StorageOptions.Sqlite(Path.Combine(dir, "data"))) };
        string? database = null;
        if (Environment.GetEnvironmentVariable(StorageOptions.PostgresVariable) is { Length: > 0 } pg)
        {
            // A new, empty database for the run, as the SQLite half gets a new file: the figures do not depend on earlier runs.
            database = "tessera_import_" + Guid.NewGuid().ToString("N")[..12];
            await AdminAsync(pg, $"CREATE DATABASE {database}");
            targets.Add(("postgres", new StorageOptions(StorageProvider.Postgres, new NpgsqlConnectionStringBuilder(pg) { Database = database }.ConnectionString, dir)));
        }

        foreach (var (name, options) in targets)
        {
            await using var store = await Store.OpenAsync(options);
            if (await store.Directory.OrganisationAsync("IT") is null)
            {
                await store.Directory.AddOrganisationAsync(new Organisation("IT", "Italy", "IT", "national"), Principal.System);
            }

            var contribution = request.ToContribution(prepared.Source, prepared.ContentHash + "-" + Guid.NewGuid().ToString("N"), "bench", DateTimeOffset.UtcNow);
            var server = await ServerCpuAsync(store);
            cpu = CpuSeconds();
            clock.Restart();
            var result = await store.Contributions.WriteAsync(contribution, prepared.Entities, Principal.System);
            var write = clock.Elapsed.TotalSeconds;
            var client = CpuSeconds() - cpu;
            var backend = server is { } s ? BackendCpu(s.Pid) - s.Seconds : null;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: write {result.Statements:N0} statements in {write:0.00} s = {rows / write:N0} rows/s, {client:0.00} CPU s{(backend is { } b ? $" + {b:0.00} CPU s in the server" : "")}; end to end {rows / (prepare + write):N0} rows/s"));

            // The cross-check on arrival, as ContributionImport runs it after the write: indexing the contribution (and, on
            // first use, everything stored before it) and checking its persons and identifiers against the other organisations'.
            cpu = CpuSeconds();
            var (gen0, gen1, gen2, paused) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
            clock.Restart();
            var hits = await store.CrossCheck.CheckContributionAsync(result.ContributionId);
            var check = clock.Elapsed.TotalSeconds;
            var collections = string.Create(CultureInfo.InvariantCulture,
                $"garbage collections during the check: {GC.CollectionCount(0) - gen0} gen0, {GC.CollectionCount(1) - gen1} gen1, {GC.CollectionCount(2) - gen2} gen2, paused {(GC.GetTotalPauseDuration() - paused).TotalSeconds:0.00} s ({(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC)");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{name}: cross-check on arrival {check:0.00} s, {CpuSeconds() - cpu:0.00} CPU s, {hits.Count} hits; write + cross-check {rows / (write + check):N0} rows/s; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MiB"));
            if (store.CrossCheck.Index.LastLoad is { } l && store.CrossCheck.Index.Persons.LastBuild is { } t)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  index catch-up: {l.FromMemory} contribution(s) from memory, {l.FromStorage} from storage; read {l.Read:0.00} s, identifiers {l.Identifiers:0.00} s, person records {l.Records:0.00} s, person index {l.PersonIndex:0.00} s " +
                    $"(features {t.Features:0.00} s, postings {t.Postings:0.00} s, training {t.Training:0.00} s, typo neighbours {t.Neighbours:0.00} s)"));
            }

            Console.WriteLine("  " + collections);
        }

        if (database is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await AdminAsync(Environment.GetEnvironmentVariable(StorageOptions.PostgresVariable)!, $"DROP DATABASE {database}");
        }

        Directory.Delete(dir, recursive: true);
        return 0;
    }

    private static async Task AdminAsync(string connectionString, string sql)
    {
        await using var admin = new NpgsqlConnection(connectionString);
        await admin.OpenAsync();
        await using var command = new NpgsqlCommand(sql, admin) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }

    private static double CpuSeconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    // PostgreSQL's CPU time for the write: the backend of the pooled connection the write reuses (Linux /proc, same machine).
    private static async Task<(int Pid, double Seconds)?> ServerCpuAsync(Store store)
    {
        if (store.Provider != StorageProvider.Postgres)
        {
            return null;
        }

        await using var connection = await store.ConnectAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT pg_backend_pid()";
        var pid = Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
        return BackendCpu(pid) is { } seconds ? (pid, seconds) : null;
    }

    private static double? BackendCpu(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
        {
            return null;
        }

        // Fields 14 and 15 (utime, stime) in clock ticks of 1/100 s, counted after the command name's closing parenthesis.
        var text = File.ReadAllText(stat);
        var fields = text[(text.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
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
