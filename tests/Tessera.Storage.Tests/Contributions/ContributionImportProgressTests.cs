using Tessera.Core.Access;
using Tessera.Core.Ingest;
using Tessera.Core.Model;
using Tessera.Storage.Contributions;

namespace Tessera.Storage.Tests.Contributions;

/// <summary>The import pipeline reports its stages in order, and a bad file stops it before anything is written.</summary>
public sealed class ContributionImportProgressTests
{
    private static readonly Principal Italian = TestStores.User("IT", Role.Analyst);

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task ImportAsync_GoodFile_ReportsEveryStageInOrderEndingComplete(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);
        var path = WriteFile("it.ftm.json", """{"id":"it-1","schema":"Person","properties":{"name":["Mohammed Ali Hassan"],"birthDate":["1988-02-03"]}}""");
        var reports = new List<ImportProgress>();

        var outcome = await ContributionImport.ImportAsync(store, path, null, new ContributionRequest("IT", "C1"), Italian, new Recorder(reports));

        Assert.True(outcome.Result.Added);
        Assert.Equal([ImportStage.Reading, ImportStage.Writing, ImportStage.CrossChecking, ImportStage.Done], reports.Select(r => r.Stage));
        Assert.Equal(reports.Select(r => r.Fraction).Order(), reports.Select(r => r.Fraction));
        Assert.Equal(1.0, reports[^1].Fraction);
    }

    [Theory]
    [MemberData(nameof(TestStores.Providers), MemberType = typeof(TestStores))]
    public async Task ImportAsync_BadFile_ThrowsWithLineAndStoresNothing(string provider)
    {
        await using var store = await TestStores.CreateSeededAsync(provider);
        var path = WriteFile("bad.ftm.json", "{\"id\":\"it-1\",\"schema\":\"Person\",\"properties\":{\"name\":[\"A\"]}}\n{not json");
        var reports = new List<ImportProgress>();

        var error = await Assert.ThrowsAsync<ModelException>(() =>
            ContributionImport.ImportAsync(store, path, null, new ContributionRequest("IT", "C1"), Italian, new Recorder(reports)));

        Assert.Equal(2, error.Line);
        Assert.Equal([ImportStage.Reading], reports.Select(r => r.Stage));
        Assert.Equal(0, (await store.Contributions.CountsAsync()).Contributions);
    }

    private static string WriteFile(string name, string content)
    {
        var folder = Path.Combine(Path.GetTempPath(), "tessera-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    // Synchronous, unlike Progress<T>, so that the order of reports is the order of the stages.
    private sealed class Recorder(List<ImportProgress> reports) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => reports.Add(value);
    }
}
