using Microsoft.Data.Sqlite;
using Tessera.Storage;

namespace Tessera.Cli.Tests;

/// <summary>The documented exit codes (README, "Exit codes"): 0 ok, 1 usage, 2 bad input naming file, line and field,
/// 70 internal, 75 the database does not answer, 77 refused; each failure one line on stderr, the stack trace only with
/// <c>--verbose</c>.</summary>
[Collection(CliSerial.Name)]
public sealed class ExitCodeTests
{
    private const string People = "id,name,birth\np1,Ali Hassan,1990-01-01\np2,Omar Said,1985-05-05\n";

    [Fact]
    public async Task Ok_Exits0()
    {
        var cli = new CliRun();

        var (code, output, error) = await cli.RunAsync("orgs", "add", "IT", "--name", "Polizia di Stato", "--country", "IT");
        error = CliRun.WithoutStoreLine(error);

        Assert.Equal((0, ""), (code, error));
        Assert.Equal(0, (await cli.RunAsync("orgs", "list")).Code);
        Assert.NotNull(output);
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("orgs", "add", "IT")]
    [InlineData("import", "--no-such-option")]
    public async Task UsageError_Exits1(params string[] args)
    {
        var (code, _, error) = await new CliRun().RunAsync(args);
        error = CliRun.WithoutStoreLine(error);

        Assert.Equal(1, code);
        Assert.NotEmpty(error);
    }

    [Fact]
    public async Task BadMapping_Exits2NamingFileLineAndField()
    {
        var cli = new CliRun();
        await cli.RunAsync("orgs", "add", "IT", "--name", "Polizia di Stato", "--country", "IT");
        var csv = cli.WriteFile("people.csv", People);
        var mapping = cli.WriteFile("mapping.yml", "entities:\n  p:\n    schema: Person\n    id: \"{id}\"\n    properties: { name: name, shoeSize: birth }\n");

        var (code, _, error) = await cli.RunAsync("import", csv, "--mapping", mapping, "--org", "IT");
        error = CliRun.WithoutStoreLine(error);

        Assert.Equal(2, code);
        Assert.Contains("shoeSize", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task BrokenCsv_Exits2NamingFileAndLine()
    {
        var cli = new CliRun();
        await cli.RunAsync("orgs", "add", "IT", "--name", "Polizia di Stato", "--country", "IT");
        var csv = cli.WriteFile("broken.csv", "id,name\np1,Ali\np2,\"Omar\n");
        var mapping = cli.WriteFile("mapping.yml", "entities:\n  p:\n    schema: Person\n    id: \"{id}\"\n    properties: { name: name }\n");

        var (code, _, error) = await cli.RunAsync("import", csv, "--mapping", mapping, "--org", "IT");
        error = CliRun.WithoutStoreLine(error);

        Assert.Equal(2, code);
        Assert.Contains("broken.csv:3", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CsvWithoutMapping_Exits2()
    {
        var cli = new CliRun();
        await cli.RunAsync("orgs", "add", "IT", "--name", "Polizia di Stato", "--country", "IT");

        var (code, _, error) = await cli.RunAsync("import", cli.WriteFile("people.csv", People), "--org", "IT");
        error = CliRun.WithoutStoreLine(error);

        Assert.Equal(2, code);
        Assert.Contains("mapping", error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task MissingFile_Exits2NamingIt()
    {
        var cli = new CliRun();
        await cli.RunAsync("orgs", "add", "IT", "--name", "Polizia di Stato", "--country", "IT");

        var (code, _, error) = await cli.RunAsync("import", Path.Combine(cli.Folder, "nowhere.ftm.json"), "--org", "IT");
        error = CliRun.WithoutStoreLine(error);

        Assert.Equal(2, code);
        Assert.Contains("nowhere.ftm.json", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PolicyRefusal_Exits77WithOneLine()
    {
        var cli = new CliRun();
        Assert.Equal(0, (await cli.RunAsync("orgs", "add", "IT", "--name", "Polizia di Stato", "--country", "IT")).Code);
        Assert.Equal(0, (await cli.RunAsync("picture", "sections", "--starter")).Code);

        var (code, _, error) = await cli.RunAsync("picture", "set-level", "HR-BA", "high", "--reason", "test");
        error = CliRun.WithoutStoreLine(error);

        Assert.Equal(77, code);
        Assert.StartsWith("tessera: refused: ", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostgresOnAClosedPort_Exits75WithOneLine()
    {
        var storage = new StorageOptions(StorageProvider.Postgres, $"Host=127.0.0.1;Port={ClosedPort()};Username=tessera;Database=tessera;Timeout=3",
            Path.Combine(Path.GetTempPath(), "tessera-cli-tests", Guid.NewGuid().ToString("N")));

        var (code, _, error) = await CliRun.InvokeAsync(storage, "orgs", "list");
        error = CliRun.WithoutStoreLine(error);

        Assert.Equal(75, code);
        Assert.StartsWith("tessera: the database does not answer", error, StringComparison.Ordinal);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public async Task SqliteLockedBeyondItsTimeout_Exits75()
    {
        var cli = new CliRun();
        Assert.Equal(0, (await cli.RunAsync("orgs", "add", "IT", "--name", "Polizia di Stato", "--country", "IT")).Code);
        await using var holder = new SqliteConnection($"Data Source={Path.Combine(cli.Storage.DataFolder, "tessera.db")};Pooling=False");
        await holder.OpenAsync();
        await using (var command = holder.CreateCommand())
        {
            // Another process holds the write lock for longer than the busy timeout (10 s).
            command.CommandText = "PRAGMA journal_mode=WAL; BEGIN EXCLUSIVE;";
            await command.ExecuteNonQueryAsync();
        }

        var (code, _, error) = await cli.RunAsync("orgs", "add", "GR", "--name", "Hellenic Police", "--country", "GR");
        error = CliRun.WithoutStoreLine(error);

        Assert.Equal(75, code);
        Assert.Contains("does not answer", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InternalFailure_Exits70WithoutStackUnlessVerbose()
    {
        var cli = new CliRun();
        // The database file is not a database: the store cannot be read, a fault of the node, not of the input.
        Directory.CreateDirectory(cli.Storage.DataFolder);
        await File.WriteAllTextAsync(Path.Combine(cli.Storage.DataFolder, "tessera.db"), new string('x', 4096));
        var storage = cli.Storage;

        var quiet = await CliRun.InvokeAsync(storage, "orgs", "list");
        var verbose = await CliRun.InvokeAsync(storage, "orgs", "list", "--verbose");

        Assert.Equal((70, 70), (quiet.Code, verbose.Code));
        Assert.StartsWith("tessera: internal error: ", CliRun.WithoutStoreLine(quiet.Err), StringComparison.Ordinal);
        Assert.Single(CliRun.WithoutStoreLine(quiet.Err).Trim().Split('\n'));
        Assert.Contains("   at ", verbose.Err, StringComparison.Ordinal);
    }

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
