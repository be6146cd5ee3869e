using Tessera.Core.Model;
using Tessera.Fuzz.Engine;

namespace Tessera.Fuzz.EngineTests;

/// <summary>The loop itself: it reports an undocumented exception and an input over the time budget, lets the documented
/// exception pass, and reads coverage from the instrumented Core.</summary>
public sealed class FuzzerTests
{
    private static readonly byte[][] Seeds = ["abc"u8.ToArray()];

    [Fact]
    public void Run_TargetThrowingUndocumentedException_ReportsCrashWithInput()
    {
        var target = new FuzzTarget("throws", b => { if (Array.IndexOf(b, (byte)0xFF) >= 0) throw new InvalidOperationException("boom"); }, typeof(ModelException), []);

        var report = Fuzzer.Run(target, Seeds, 2_000, seed: 1, TimeSpan.FromSeconds(2));

        Assert.NotEmpty(report.Failures);
        var crash = report.Failures[0];
        Assert.Equal("crash", crash.Kind);
        Assert.Contains((byte)0xFF, crash.Input);
        Assert.Contains("boom", crash.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_TargetThrowingOnlyItsDocumentedException_ReportsNothing()
    {
        var target = new FuzzTarget("documented", b => throw new ModelException("bad input"), typeof(ModelException), []);

        var report = Fuzzer.Run(target, Seeds, 2_000, seed: 1, TimeSpan.FromSeconds(2));

        Assert.Empty(report.Failures);
        Assert.Equal(2_000, report.Executions);
    }

    [Fact]
    public void Run_InputOverTheBudget_ReportedAsHang()
    {
        var target = new FuzzTarget("slow", b => { if (b.Length > 5) Thread.Sleep(300); }, null, []);

        var report = Fuzzer.Run(target, Seeds, 200, seed: 1, TimeSpan.FromMilliseconds(50));

        Assert.Contains(report.Failures, f => f.Kind == "hang" && f.Input.Length > 5);
    }

    [Fact]
    public void Run_InstrumentedCore_RecordsEdges()
    {
        var target = Targets.All["dates"];

        var report = Fuzzer.Run(target, Seeds, 100, seed: 1, TimeSpan.FromSeconds(2));

        Assert.True(report.Edges > 10, $"{report.Edges} edges: is Tessera.Core.dll instrumented?");
    }
}
