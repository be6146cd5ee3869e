using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tessera.Cli.Tests.Matching;

public sealed partial class MatchCommandTests : IDisposable
{
    private static readonly string[] FebrlMap =
    [
        "--map", "given_name=firstName", "--map", "surname=lastName", "--map", "date_of_birth=birthDate", "--map", "address_1=street",
        "--map", "address_2=street2", "--map", "suburb=city", "--map", "postcode=postalCode", "--map", "state=region",
    ];

    private readonly string _dir = Directory.CreateTempSubdirectory("tessera-match-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string Febrl(string file) => Tessera.Tests.RepositoryPaths.Combine("datasets", "febrl", file);

    [GeneratedRegex(@"rec-(\d+)")]
    private static partial Regex RecNumber();

    private static Task<(int Code, string Out, string Err)> Run(params string[] args) => CliRun.InvokeAsync(null, args);

    [Fact]
    public async Task Link_Febrl4_WritesPairsWithF1AboveRegressionGuard()
    {
        var output = Path.Combine(_dir, "pairs.csv");
        var explain = Path.Combine(_dir, "explain.jsonl");
        var (code, _, err) = await Run(["match", "link", Febrl("dataset4a.csv"), Febrl("dataset4b.csv"), "--id-column", "rec_id", .. FebrlMap, "--out", output, "--explain", explain]);

        Assert.True(code == 0, err);
        var lines = File.ReadAllLines(output);
        Assert.Equal("left_id,right_id,weight,probability", lines[0]);
        var pairs = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.All(pairs, p => Assert.EndsWith("-org", p[0], StringComparison.Ordinal));
        Assert.Equal(pairs.Count, pairs.Select(p => p[0] + "|" + p[1]).Distinct().Count());
        var tp = pairs.Count(p => RecNumber().Match(p[0]).Value == RecNumber().Match(p[1]).Value);
        double precision = tp / (double)pairs.Count, recall = tp / 5000.0;
        Assert.True(2 * precision * recall / (precision + recall) >= 0.99, $"P {precision} R {recall}");
        var first = JsonDocument.Parse(File.ReadLines(explain).First()).RootElement;
        Assert.True(first.GetProperty("explanation").GetProperty("comparisons").GetArrayLength() >= 8);
        Assert.Contains("prior", first.GetProperty("line").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dedupe_Febrl1_FindsDuplicatesEachPairOnce()
    {
        var output = Path.Combine(_dir, "pairs.csv");
        var (code, stdout, err) = await Run(["match", "dedupe", Febrl("dataset1.csv"), "--id-column", "rec_id", .. FebrlMap, "--out", output]);

        Assert.True(code == 0, err);
        Assert.Contains("candidate pairs", stdout, StringComparison.Ordinal);
        var pairs = File.ReadAllLines(output).Skip(1).Select(l => l.Split(',')).ToList();
        Assert.All(pairs, p => Assert.NotEqual(p[0], p[1]));
        Assert.Equal(pairs.Count, pairs.Select(p => string.Join('|', new[] { p[0], p[1] }.Order(StringComparer.Ordinal))).Distinct().Count());
        Assert.True(pairs.Count(p => RecNumber().Match(p[0]).Value == RecNumber().Match(p[1]).Value) >= 450);
    }

    [Fact]
    public async Task Dedupe_UnknownColumn_ExitsTwoNamingFileLineAndField()
    {
        var (code, _, err) = await Run("match", "dedupe", Febrl("dataset1.csv"), "--id-column", "rec_id", "--map", "nope=firstName", "--out", Path.Combine(_dir, "p.csv"));

        Assert.Equal(2, code);
        Assert.Contains("dataset1.csv:1", err, StringComparison.Ordinal);
        Assert.Contains("nope", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dedupe_RowWithMissingCells_ExitsTwoNamingTheLine()
    {
        var file = Path.Combine(_dir, "bad.csv");
        await File.WriteAllTextAsync(file, "id,name,dob\n1,Omar Haddad,1990-01-01\n2,Ali Saleh\n");
        var (code, _, err) = await Run("match", "dedupe", file, "--id-column", "id", "--map", "name=name", "dob=birthDate", "--out", Path.Combine(_dir, "p.csv"));

        Assert.Equal(2, code);
        Assert.Contains("bad.csv:3", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dedupe_UnknownProperty_ExitsTwo()
    {
        var (code, _, err) = await Run("match", "dedupe", Febrl("dataset1.csv"), "--id-column", "rec_id", "--map", "surname=shoeSize", "--out", Path.Combine(_dir, "p.csv"));

        Assert.Equal(2, code);
        Assert.Contains("shoeSize", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dedupe_Febrl3WithClusters_WritesEveryRecordOnceWithPairwiseF1AboveRegressionGuard()
    {
        var output = Path.Combine(_dir, "pairs.csv");
        var clusters = Path.Combine(_dir, "clusters.csv");
        var (code, stdout, err) = await Run(["match", "dedupe", Febrl("dataset3.csv"), "--id-column", "rec_id", .. FebrlMap, "--out", output, "--clusters", clusters]);

        Assert.True(code == 0, err);
        Assert.Contains("clusters", stdout, StringComparison.Ordinal);
        var lines = File.ReadAllLines(clusters);
        Assert.Equal("id,cluster", lines[0]);
        var rows = lines.Skip(1).Select(l => l.Split(',')).ToList();
        Assert.Equal(5000, rows.Count);
        Assert.Equal(5000, rows.Select(r => r[0]).Distinct().Count());
        long predicted = 0, tp = 0;
        foreach (var g in rows.GroupBy(r => r[1]))
        {
            predicted += (long)g.Count() * (g.Count() - 1) / 2;
            tp += g.GroupBy(r => RecNumber().Match(r[0]).Value).Sum(e => (long)e.Count() * (e.Count() - 1) / 2);
        }

        var truth = rows.GroupBy(r => RecNumber().Match(r[0]).Value).Sum(e => (long)e.Count() * (e.Count() - 1) / 2);
        double precision = tp / (double)predicted, recall = tp / (double)truth;
        Assert.True(2 * precision * recall / (precision + recall) >= 0.98, $"P {precision} R {recall}");
        Assert.True(rows.GroupBy(r => r[1]).Max(g => g.Count()) <= rows.GroupBy(r => RecNumber().Match(r[0]).Value).Max(g => g.Count()) + 2);
    }

    [Fact]
    public async Task Link_WithClusters_IsAUsageError()
    {
        var (code, _, _) = await Run(["match", "link", Febrl("dataset4a.csv"), Febrl("dataset4b.csv"), "--id-column", "rec_id", .. FebrlMap, "--out", Path.Combine(_dir, "p.csv"), "--clusters", Path.Combine(_dir, "c.csv")]);

        Assert.Equal(1, code);
    }
}
