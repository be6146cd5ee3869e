using System.Globalization;
using Tessera.Fuzz.Engine;
using Tessera.Tests;
using Xunit.Abstractions;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Tessera.Fuzz;

/// <summary>Each parser meets 50,000 mutated inputs (TESSERA_FUZZ_EXECUTIONS to change) grown from its committed corpus,
/// guided by edge coverage; any undocumented exception or an input over the 2 s budget fails the run and is written to
/// artifacts/fuzz/crashes. TESSERA_FUZZ_SAVE=1 adds the inputs that found new coverage to the committed corpus;
/// TESSERA_FUZZ_SEED changes the random seed (fixed by default, so that CI runs are repeatable).</summary>
public sealed class ParserFuzzTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(2);

    public static TheoryData<string> TargetNames => new(Targets.All.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(TargetNames))]
    public void Fuzz_MutatedInputs_NoUndocumentedExceptionOrHang(string target)
    {
        var executions = long.TryParse(Environment.GetEnvironmentVariable("TESSERA_FUZZ_EXECUTIONS"), CultureInfo.InvariantCulture, out var n) ? n : 50_000;
        var seeds = Seeds(target);

        var seed = int.TryParse(Environment.GetEnvironmentVariable("TESSERA_FUZZ_SEED"), CultureInfo.InvariantCulture, out var s) ? s : 20_261_207;

        var report = Fuzzer.Run(Targets.All[target], seeds, executions, seed, Budget);

        var line = string.Create(CultureInfo.InvariantCulture,
            $"{target}: {report.Executions:N0} executions in {report.Elapsed.TotalSeconds:F1} s ({report.Executions / Math.Max(report.Elapsed.TotalSeconds, 0.001):N0}/s), {report.Edges:N0} edges, {report.Seeds} seeds ({report.SeedsKept} with distinct coverage), {report.Found.Count} new inputs, {report.Failures.Count} failures");
        output.WriteLine(line);
        Record(target, line, report);
        Assert.True(report.Edges > 0, "no coverage recorded: Tessera.Core.dll in the test's output is not instrumented (see Tessera.Fuzz.csproj)");
        Assert.True(report.Failures.Count == 0, line + "\n" + string.Join("\n\n", report.Failures.Take(3).Select(f =>
            $"{f.Kind} on input {Fuzzer.NameOf(f.Input)} ({Convert.ToBase64String(f.Input)}): {f.Message}")));
        Assert.Equal(executions, report.Executions);
    }

    private static List<byte[]> Seeds(string target)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "corpus", target);
        var seeds = Directory.Exists(folder) ? Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(File.ReadAllBytes).ToList() : [];
        if (target == "xlsx")
        {
            seeds.Insert(0, Targets.Workbook.Sheet);
        }

        return seeds;
    }

    private static void Record(string target, string line, FuzzReport report)
    {
        var artifacts = RepositoryPaths.Combine("artifacts", "fuzz");
        Directory.CreateDirectory(artifacts);
        File.AppendAllText(Path.Combine(artifacts, "last-run.txt"), DateTimeOffset.UtcNow.ToString("u", CultureInfo.InvariantCulture) + " " + line + "\n");
        foreach (var failure in report.Failures)
        {
            var crashes = Directory.CreateDirectory(Path.Combine(artifacts, "crashes", target)).FullName;
            File.WriteAllBytes(Path.Combine(crashes, Fuzzer.NameOf(failure.Input)), failure.Input);
            File.WriteAllText(Path.Combine(crashes, Fuzzer.NameOf(failure.Input) + ".txt"), failure.Kind + ": " + failure.Message);
        }

        if (Environment.GetEnvironmentVariable("TESSERA_FUZZ_SAVE") == "1")
        {
            var corpus = Directory.CreateDirectory(RepositoryPaths.Combine("tests", "Tessera.Fuzz", "corpus", target)).FullName;
            foreach (var input in report.Found)
            {
                File.WriteAllBytes(Path.Combine(corpus, Fuzzer.NameOf(input)), input);
            }
        }
    }
}
