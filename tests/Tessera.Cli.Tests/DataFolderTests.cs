using Tessera.Storage;
using Tessera.Storage.Demo;

namespace Tessera.Cli.Tests;

/// <summary>One data folder for the server and the commands: which store a command opens, that it says so, and that a read
/// never creates an empty store.</summary>
[Collection(CliSerial.Name)]
public sealed class DataFolderTests(DemoDataFolder demo) : IClassFixture<DemoDataFolder>
{
    public static TheoryData<string[]> Reads =>
    [
        ["check", "person", "--name", "Mohamed Ali Hassan", "--org", "DE"],
        ["check", "identifier", "--type", "phone", "+218 92 555 0101", "--org", "GR"],
        ["hits", "--org", "IT"],
        ["orgs", "list"],
        ["users", "list"],
        ["audit", "verify"],
        ["export"],
        ["picture", "summary", "--from", "2024-01", "--to", "2024-03"],
        ["entities", "get", "IT:it-p-001", "--as", "it.analyst"],
    ];

    [Theory]
    [MemberData(nameof(Reads))]
    public async Task Read_NoStoreInTheDataFolder_RefusedWithExit2AndNothingCreated(string[] args)
    {
        var cli = new CliRun();

        var (code, _, err) = await cli.RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains("no Tessera store at SQLite " + Path.Combine(cli.Folder, "data", "tessera.db"), err, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(cli.Folder, "data")), "a read must not create the data folder or an empty database");
    }

    [Fact]
    public async Task Check_AfterServeDemoInTheSameDataFolder_OpensTheDemoStoreAndSaysSo()
    {
        var (code, stdout, err) = await CliRun.InvokeAsync(demo.Storage, "check", "person", "--name", "محمد علي حسن", "--birth-date", "1988-02-03", "--org", "DE");

        Assert.Equal(0, code);
        Assert.StartsWith("hit", stdout, StringComparison.Ordinal);
        Assert.Equal("store: SQLite " + Path.Combine(demo.Storage.DataFolder, "demo", "tessera.db"), err.Split('\n')[0].TrimEnd());
    }

    [Fact]
    public async Task OrgsAddBesideTheDemo_SetsUpTheFoldersOwnStore_WhichReadsThenOpen()
    {
        var cli = new CliRun();
        await (await Store.OpenAsync(cli.Storage.Demo())).DisposeAsync();
        Assert.Equal(0, (await cli.RunAsync("orgs", "add", "IT", "--name", "Italy", "--country", "IT")).Code);

        var (code, stdout, err) = await cli.RunAsync("orgs", "list");

        Assert.Equal(0, code);
        Assert.StartsWith("IT\t", stdout, StringComparison.Ordinal);
        Assert.Equal("store: SQLite " + Path.Combine(cli.Folder, "data", "tessera.db"), err.Split('\n')[0].TrimEnd());
    }

    [Fact]
    public async Task OrgsAdd_NoStoreYet_SetsUpTheStoreAndSaysWhere()
    {
        var cli = new CliRun();

        var (code, _, err) = await cli.RunAsync("orgs", "add", "IT", "--name", "Italy", "--country", "IT");

        Assert.Equal(0, code);
        Assert.Equal("store: SQLite " + Path.Combine(cli.Folder, "data", "tessera.db"), err.Trim());
        Assert.True(File.Exists(Path.Combine(cli.Folder, "data", "tessera.db")));
    }

    public static TheoryData<string[], string> Unknown =>
    new()
    {
        { ["check", "person", "--name", "Mohamed Ali Hassan", "--org", "XX"], "unknown organisation 'XX'" },
        { ["check", "identifier", "--type", "phone", "+218 92 555 0101", "--org", "XX"], "unknown organisation 'XX'" },
        { ["hits", "--org", "XX"], "unknown organisation 'XX'" },
        { ["export", "--org", "XX"], "unknown organisation 'XX'" },
        { ["users", "add", "bob", "--org", "XX", "--roles", "analyst", "--password", "a-long-enough-password"], "unknown organisation 'XX'" },
        { ["cases", "add", "C9", "--title", "t", "--owner", "XX", "--members", "GR"], "unknown organisation 'XX'" },
        { ["cases", "add", "C9", "--title", "t", "--owner", "IT", "--members", "XX"], "unknown organisation 'XX'" },
        { ["cases", "notes", "OP-ZUWARA", "--org", "XX"], "unknown organisation 'XX'" },
        { ["orgs", "hub", "XX"], "unknown organisation 'XX'" },
        { ["retention", "extend", "1", "--org", "XX", "--until", "2030-01-01", "--reason", "x"], "unknown organisation 'XX'" },
        { ["users", "token", "nobody"], "unknown user 'nobody'" },
        { ["users", "disable", "nobody"], "unknown user 'nobody'" },
        { ["hits", "list", "--as", "nobody"], "unknown user 'nobody'" },
        { ["entities", "get", "IT:it-p-001", "--as", "nobody"], "unknown user 'nobody'" },
        { ["requests", "list", "--as", "nobody"], "unknown user 'nobody'" },
    };

    [Theory]
    [MemberData(nameof(Unknown))]
    public async Task UnknownOrganisationOrUser_OnTheDemoStore_RefusedWithExit2(string[] args, string message)
    {
        var (code, stdout, err) = await CliRun.InvokeAsync(demo.Storage, args);

        Assert.Equal(2, code);
        Assert.Contains(message, err, StringComparison.Ordinal);
        Assert.Empty(stdout);
    }

    [Fact]
    public void Describe_Postgres_NamesTheDatabaseWithoutItsPassword()
    {
        var options = new StorageOptions(StorageProvider.Postgres, "Host=db.example;Port=5433;Username=tessera;Password=s3cret-pw;Database=tessera", "/var/lib/tessera");

        Assert.Equal("PostgreSQL db.example:5433/tessera", options.Describe());
    }
}

/// <summary>A data folder where <c>serve --demo</c> ran: the demo workspace seeded in <c>data/demo</c>, nothing else.</summary>
public sealed class DemoDataFolder : IAsyncLifetime
{
    public StorageOptions Storage { get; } = StorageOptions.Sqlite(Path.Combine(Path.GetTempPath(), "tessera-cli-tests", Guid.NewGuid().ToString("N"), "data"));

    public async Task InitializeAsync()
    {
        await using var store = await Store.OpenAsync(Storage.Demo());
        await DemoWorkspace.SeedAsync(store);
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
