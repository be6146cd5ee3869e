using System.Diagnostics;
using System.Globalization;
using Tessera.Core.Access;
using Tessera.Core.Ingest;
using Tessera.Core.Model;
using Tessera.Storage;
using Tessera.Storage.Directory;

namespace Tessera.Bench.Matching;

/// <summary>Cross-check on arrival of a small contribution against a store of N persons: the index built from storage
/// (what every check cost before the resident index) against the resident index brought up to date by the write.</summary>
/// <remarks>Usage: <c>match crosscheck [N]</c> (default 100,000), SQLite in a temporary folder.</remarks>
internal static class CrossCheckBench
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static async Task RunAsync(int n)
    {
        var dir = Path.Combine(Path.GetTempPath(), "tessera-crosscheck-bench", Guid.NewGuid().ToString("N"));
        var options = StorageOptions.Sqlite(dir);
        var people = Throughput.Generate(n * 3 / 2, 20261128).Where(r => r.Id.EndsWith('a')).Take(n).ToList();
        var clock = Stopwatch.StartNew();
        await using (var seed = await Store.OpenAsync(options))
        {
            foreach (var (code, name) in new[] { ("IT", "Italy"), ("MT", "Malta"), ("GR", "Greece") })
            {
                await seed.Directory.AddOrganisationAsync(new Organisation(code, name, code, "national"), Principal.System);
            }

            foreach (var chunk in people.Chunk(10_000))
            {
                await seed.Contributions.WriteAsync(Contribution("IT", "seed-" + chunk[0].Id), [.. chunk.Select(Entity)], Principal.System);
            }
        }

        Console.WriteLine(string.Create(Inv, $"crosscheck: store of {people.Count:N0} persons written in {clock.Elapsed.TotalSeconds:0.0} s"));
        await using var store = await Store.OpenAsync(options);

        // Before: the first check of a store builds the index from storage — the work every check did before the index stayed resident.
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        clock.Restart();
        var first = await ArriveAsync(store, "MT", 0, people);
        var cold = clock.Elapsed.TotalSeconds;
        var coldCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;

        // After: every further contribution is indexed as it is written and checked against the resident index.
        var warm = new List<double>();
        var hits = first;
        for (var k = 1; k <= 10; k++)
        {
            clock.Restart();
            hits += await ArriveAsync(store, k % 2 == 0 ? "MT" : "GR", k, people);
            warm.Add(clock.Elapsed.TotalSeconds);
        }

        warm.Sort();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        Console.WriteLine(string.Create(Inv,
            $"crosscheck on arrival (3 persons, against {people.Count:N0}): index built from storage {cold:0.000} s ({coldCpu:0.0} CPU-s); resident index write + check median {warm[warm.Count / 2] * 1000:0} ms, max {warm[^1] * 1000:0} ms (10 contributions); {hits} hits; {cpu.TotalSeconds:0.0} CPU-s in all; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:0} MiB"));
        Directory.Delete(dir, recursive: true);
    }

    // A small contribution: a re-sighting of a stored person (same name, a letter dropped), a stranger, and a stored phone.
    private static async Task<int> ArriveAsync(Store store, string org, int k, List<Core.Matching.PersonRecord> people)
    {
        var known = people[(k * 7919) % people.Count];
        var shared = people[(k * 104729 + 1) % people.Count];
        var entities = new List<Entity>
        {
            new(org + "-known-" + k.ToString(Inv), "Person",
                [new("firstName", known.FirstName!), new("lastName", known.LastName![..^1]), new("birthDate", known.BirthDate!, known.BirthDate)]),
            new(org + "-new-" + k.ToString(Inv), "Person", [new("name", "Zebulon Quartermain"), new("birthDate", "1971-05-05", "1971-05-05")]),
            new(org + "-phone-" + k.ToString(Inv), "Person", [new("name", "Unknown caller"), new("phone", shared.Phones[0], shared.Phones[0])]),
        };
        var result = await store.Contributions.WriteAsync(Contribution(org, "arrival-" + org + k.ToString(Inv)), entities, Principal.System);
        return (await store.CrossCheck.CheckContributionAsync(result.ContributionId)).Count;
    }

    private static Contribution Contribution(string org, string hash) =>
        new ContributionRequest(org, null).ToContribution("bench.csv", hash, "bench", DateTimeOffset.UtcNow);

    private static Entity Entity(Core.Matching.PersonRecord r) =>
        new(r.Id, "Person",
            [new("firstName", r.FirstName!), new("lastName", r.LastName!), new("birthDate", r.BirthDate!, r.BirthDate), new("phone", r.Phones[0], r.Phones[0])]);
}
