using System.Globalization;
using System.Text.Json;

namespace Tessera.Bench.Load;

/// <summary>The REST API under load: systematic identifier and person checks against a running <c>tessera serve</c>.</summary>
/// <remarks>Usage (bench/load/run.sh does all of it):
/// <c>load seed FOLDER</c> writes the reference list and the query mix;
/// <c>load run URL TOKENS QUERIES KIND WORKERS SECONDS [SERVER_PID] [LABEL] [PG_DATABASE]</c> drives the server (KIND identifier or person,
/// TOKENS a file with one API token a line, PG_DATABASE the PostgreSQL database whose backends' CPU to add up) and prints a table row and a JSON line.</remarks>
internal static class LoadBench
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["seed", var folder])
        {
            var (persons, identifiers, queries) = LoadData.Write(RepositoryRoot(), folder);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"reference list: {persons} persons, {identifiers} identifiers; {queries} queries"));
            return 0;
        }

        if (args is ["run", var url, var tokenFile, var queryFile, var kind, var workers, var seconds, .. var rest] && kind is "identifier" or "person")
        {
            var tokens = File.ReadAllLines(tokenFile).Where(l => l.Length > 0).ToList();
            var bodies = File.ReadLines(queryFile).Where(l => IsKind(l, kind)).Select(l => Body(l)).ToList();
            int? pid = rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : null;
            var label = rest.Length > 1 ? rest[1] : "server";
            var database = rest.Length > 2 ? rest[2] : null;
            var driver = new LoadDriver(new Uri(url), tokens, bodies);
            var result = await driver.RunAsync(label, kind, int.Parse(workers, CultureInfo.InvariantCulture), TimeSpan.FromSeconds(10),
                TimeSpan.FromSeconds(double.Parse(seconds, CultureInfo.InvariantCulture)), pid, database);
            Console.WriteLine(LoadDriver.Row(result));
            Console.WriteLine(JsonSerializer.Serialize(result, Json));
            return result.Errors == 0 ? 0 : 3;
        }

        await Console.Error.WriteLineAsync("usage: load seed FOLDER | load run URL TOKENS QUERIES identifier|person WORKERS SECONDS [SERVER_PID] [LABEL] [PG_DATABASE]");
        return 1;
    }

    private static bool IsKind(string line, string kind)
    {
        using var doc = JsonDocument.Parse(line);
        return doc.RootElement.GetProperty("kind").GetString() == kind;
    }

    // The request body: the query without its "kind".
    private static string Body(string line)
    {
        using var doc = JsonDocument.Parse(line);
        return JsonSerializer.Serialize(doc.RootElement.EnumerateObject().Where(p => p.Name != "kind").ToDictionary(p => p.Name, p => p.Value.Clone()), Json);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tessera.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("repository root (Tessera.slnx) not found");
    }
}
