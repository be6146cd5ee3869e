using System.Text.Json;
using Tessera.Core.Access;
using Tessera.Storage;
using Tessera.Storage.Directory;

namespace Tessera.Cli.Tests.Picture;

/// <summary>A data folder with Frontex's workbook imported once through the CLI, shared by the tests of this class.</summary>
public sealed class ImportedWorkbook : IAsyncLifetime
{
    public StorageOptions Storage { get; } = StorageOptions.Sqlite(Path.Combine(Path.GetTempPath(), "tessera-cli-tests", Guid.NewGuid().ToString("N")));

    public string ImportOutput { get; private set; } = "";

    public async Task InitializeAsync()
    {
        var (code, output, error) = await PictureCommandTests.RunAsync(Storage, "picture", "import", Datasets.Workbook);
        Assert.True(code == 0, error);
        ImportOutput = output;
    }

    public Task DisposeAsync() => Task.CompletedTask;
}

/// <summary><c>tessera picture …</c> run in-process against a temporary SQLite data folder.</summary>
public sealed class PictureCommandTests(ImportedWorkbook data) : IClassFixture<ImportedWorkbook>
{
    internal static Task<(int Code, string Output, string Error)> RunAsync(StorageOptions storage, params string[] args) => CliRun.InvokeAsync(storage, args);

    [Fact]
    public async Task Summary_Json_ReproducesFrontexJanuaryToAugust2023()
    {
        var (code, output, error) = await RunAsync(data.Storage, "picture", "summary", "--from", "2023-01", "--to", "2023-08", "--json");

        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(230_912, root.GetProperty("total").GetInt64());
        Assert.Equal(192_001, root.GetProperty("previousTotal").GetInt64());
        Assert.Equal(0.203, root.GetProperty("change").GetDouble(), 3);
        var central = root.GetProperty("routes").EnumerateArray().Single(r => r.GetProperty("route").GetString() == "Central Mediterranean Route");
        Assert.Equal(114_872, central.GetProperty("total").GetInt64());
        Assert.Equal(58_360, central.GetProperty("previousTotal").GetInt64());
        Assert.Equal(0.968, central.GetProperty("change").GetDouble(), 3);
        Assert.Equal(0.497, central.GetProperty("share").GetDouble(), 3);
    }

    [Fact]
    public async Task Summary_RouteFilter_OnlyThatRoute()
    {
        var (code, output, _) = await RunAsync(data.Storage, "picture", "summary", "--from", "2023-01", "--to", "2023-08", "--route", "Central Mediterranean", "--json");

        using var json = JsonDocument.Parse(output);
        Assert.Equal(0, code);
        Assert.Equal(114_872, json.RootElement.GetProperty("total").GetInt64());
        Assert.Single(json.RootElement.GetProperty("routes").EnumerateArray());
    }

    [Fact]
    public async Task Import_SameFileAgain_AddsNothing()
    {
        var (code, output, _) = await RunAsync(data.Storage, "picture", "import", Datasets.Workbook);

        Assert.Equal(0, code);
        Assert.Contains("vintage 2025-06-03", data.ImportOutput, StringComparison.Ordinal);
        Assert.StartsWith("already imported", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_BadRow_ExitCode2NamingFileLineAndField()
    {
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".csv");
        await File.WriteAllTextAsync(file, "route,border_type,nationality,month,detections\nA,Sea,X,2023-01,4\nA,Sea,X,2023-02,lots\n");

        var (code, _, error) = await RunAsync(data.Storage, "picture", "import", file);

        Assert.Equal(2, code);
        Assert.Contains(Path.GetFileName(file) + ":3: field 'detections'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Summary_BadMonth_ExitCode2()
    {
        var (code, _, error) = await RunAsync(data.Storage, "picture", "summary", "--from", "2023-1", "--to", "2023-08");

        Assert.Equal(2, code);
        Assert.Contains("not a month", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetLevel_AsSystem_RefusedWithExitCode77()
    {
        var storage = StorageOptions.Sqlite(Path.Combine(Path.GetTempPath(), "tessera-cli-tests", Guid.NewGuid().ToString("N")));
        await (await Store.OpenAsync(storage)).DisposeAsync();
        Assert.Equal(0, (await RunAsync(storage, "picture", "sections", "--starter")).Code);

        var (code, _, error) = await RunAsync(storage, "picture", "set-level", "HR-BA", "high", "--reason", "test");

        Assert.Equal(77, code);
        Assert.Contains("refused", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetLevel_AsSupervisor_ChangesLevelAndShowsMeasures()
    {
        var storage = StorageOptions.Sqlite(Path.Combine(Path.GetTempPath(), "tessera-cli-tests", Guid.NewGuid().ToString("N")));
        await using (var store = await Store.OpenAsync(storage))
        {
            await store.Directory.AddOrganisationAsync(new Organisation("HR", "Croatia", "HR", "national"), Principal.System);
            await store.Directory.AddUserAsync(new User("ana", "Ana", "HR", new HashSet<Role> { Role.Supervisor }, false), "a long demo password", Principal.System);
        }

        await RunAsync(storage, "picture", "sections", "--starter");
        var (code, output, error) = await RunAsync(storage, "picture", "set-level", "HR-BA", "high", "--reason", "smuggling incidents on the Una", "--as", "ana");
        var (_, json, _) = await RunAsync(storage, "picture", "sections", "--json");

        Assert.True(code == 0, error);
        Assert.Contains("HR-BA: low -> high by ana", output, StringComparison.Ordinal);
        Assert.Contains("Art. 35(1)(c)", output, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(json);
        var section = doc.RootElement.EnumerateArray().Single(s => s.GetProperty("section").GetProperty("code").GetString() == "HR-BA");
        Assert.Equal("High", section.GetProperty("level").GetString());
        Assert.Equal("smuggling incidents on the Una", section.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Chart_WritesSvgAndTheNumbersBehindIt()
    {
        var svg = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "chart.svg");

        var (code, _, error) = await RunAsync(data.Storage, "picture", "chart", "--from", "2023-01", "--to", "2023-08", "--out", svg);

        Assert.True(code == 0, error);
        Assert.StartsWith("<svg", await File.ReadAllTextAsync(svg), StringComparison.Ordinal);
        Assert.Contains("2023-08,54351,", await File.ReadAllTextAsync(Path.ChangeExtension(svg, ".csv")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_File_WritesTheReportWithItsCommand()
    {
        var report = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N"), "early-warning.md");

        var (code, output, error) = await RunAsync(data.Storage, "picture", "backtest", "--file", Datasets.Workbook, "--out", report);

        Assert.True(code == 0, error);
        Assert.Contains("surges flagged", output, StringComparison.Ordinal);
        var text = await File.ReadAllTextAsync(report);
        Assert.Contains("tessera picture backtest --file", text, StringComparison.Ordinal);
        Assert.Contains("| Eastern Mediterranean Route | 2023 |", text, StringComparison.Ordinal);
        Assert.Contains("| farrington (default) |", text, StringComparison.Ordinal);
        Assert.Contains("| cusum |", text, StringComparison.Ordinal);
        Assert.Contains("Rolling origin", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backtest_TrainingYearsAfterTheLastMonth_BadInput()
    {
        var (code, _, error) = await RunAsync(data.Storage, "picture", "backtest", "--file", Datasets.Workbook, "--train-to", "2030-01");

        Assert.Equal(2, code);
        Assert.Contains("--train-to", error, StringComparison.Ordinal);
    }
}
