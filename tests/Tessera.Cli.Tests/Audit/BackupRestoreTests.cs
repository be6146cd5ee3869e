using System.Diagnostics;
using Dapper;
using Npgsql;
using Tessera.Storage;

namespace Tessera.Cli.Tests.Audit;

/// <summary>Backup → restore → <c>tessera audit verify</c>, as docs/operations.md says: SQLite with <c>sqlite3 .backup</c>,
/// PostgreSQL with <c>pg_dump</c>/<c>pg_restore</c>, each with the audit key beside the data.</summary>
public sealed class BackupRestoreTests
{
    private static readonly string? Postgres = Environment.GetEnvironmentVariable("TESSERA_TEST_POSTGRES");

    public static TheoryData<string> Providers
    {
        get
        {
            var data = new TheoryData<string> { "sqlite" };
            if (!string.IsNullOrEmpty(Postgres) || Environment.GetEnvironmentVariable("TESSERA_REQUIRE_POSTGRES") == "1")
            {
                data.Add("postgres");
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Restore_OfABackupWithItsAuditKey_VerifiesAndHoldsWhatWasBackedUp(string provider)
    {
        var source = await NewStoreAsync(provider);
        var cli = new CliRun();
        await FillAsync(source, cli, "IT", "it");
        var backup = Path.Combine(cli.Folder, "backup");
        Directory.CreateDirectory(backup);
        await BackUpAsync(source, backup);
        File.Copy(source.AuditKeyFile, Path.Combine(backup, "audit.key"));
        // Written after the backup: not in the restored store.
        Assert.Equal(0, (await CliRun.InvokeAsync(source, "import", cli.WriteFile("late.ftm.json", Person("late-1", "Late Entry")), "--org", "GR", "--handling", "H0")).Code);

        var restored = await RestoreAsync(provider, backup);
        File.Copy(Path.Combine(backup, "audit.key"), restored.AuditKeyFile);
        var (code, output, err) = await CliRun.InvokeAsync(restored, "audit", "verify");
        var (_, orgs, _) = await CliRun.InvokeAsync(restored, "orgs", "list");
        await using var store = await Store.OpenAsync(restored);
        await using var connection = await store.ConnectAsync();
        var contributions = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM contributions");
        var hits = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM hits");

        Assert.True(code == 0, output + err);
        Assert.DoesNotContain("BROKEN", output, StringComparison.Ordinal);
        Assert.Contains("IT\t", orgs, StringComparison.Ordinal);
        Assert.Equal(2, contributions);
        Assert.Equal(1, hits);
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public async Task Restore_WithoutItsAuditKey_IsRefusedRatherThanStartingANewChain(string provider)
    {
        var source = await NewStoreAsync(provider);
        var cli = new CliRun();
        await FillAsync(source, cli, "IT", "it");
        var backup = Path.Combine(cli.Folder, "backup");
        Directory.CreateDirectory(backup);
        await BackUpAsync(source, backup);

        var restored = await RestoreAsync(provider, backup);
        var (code, _, error) = await CliRun.InvokeAsync(restored, "audit", "verify");

        Assert.Equal(70, code);
        Assert.Contains("key file", error, StringComparison.Ordinal);
    }

    // Two organisations, a contribution each about the same person: contributions, a hit, audit entries.
    private static async Task FillAsync(StorageOptions storage, CliRun cli, string org, string prefix)
    {
        foreach (var (code, name) in new[] { (org, "Italy"), ("GR", "Greece") })
        {
            Assert.Equal(0, (await CliRun.InvokeAsync(storage, "orgs", "add", code, "--name", name, "--country", code)).Code);
        }

        Assert.Equal(0, (await CliRun.InvokeAsync(storage, "import", cli.WriteFile("a.ftm.json", Person(prefix + "-1", "Mohammed Ali Hassan")), "--org", org, "--handling", "H0")).Code);
        Assert.Equal(0, (await CliRun.InvokeAsync(storage, "import", cli.WriteFile("b.ftm.json", Person("gr-1", "Mohamed Ali Hasan")), "--org", "GR", "--handling", "H0")).Code);
    }

    private static string Person(string id, string name) =>
        "{\"id\": \"" + id + "\", \"schema\": \"Person\", \"properties\": {\"name\": [\"" + name + "\"], \"birthDate\": [\"1988-02-03\"], \"nationality\": [\"ly\"]}}\n";

    private static async Task<StorageOptions> NewStoreAsync(string provider)
    {
        var folder = Path.Combine(Path.GetTempPath(), "tessera-cli-tests", Guid.NewGuid().ToString("N"), "data");
        if (provider == "sqlite")
        {
            return StorageOptions.Sqlite(folder);
        }

        var database = await CreateDatabaseAsync();
        return new StorageOptions(StorageProvider.Postgres, new NpgsqlConnectionStringBuilder(PostgresConnection()) { Database = database }.ConnectionString, folder);
    }

    private static async Task BackUpAsync(StorageOptions source, string backup)
    {
        if (source.Provider == StorageProvider.Sqlite)
        {
            await RunAsync("sqlite3", source.DatabaseFile!, $".backup '{Path.Combine(backup, "tessera.db")}'");
            return;
        }

        await RunAsync("pg_dump", "--format=custom", "--file=" + Path.Combine(backup, "tessera.dump"), "--dbname=" + LibpqConnection(source.ConnectionString));
    }

    private static async Task<StorageOptions> RestoreAsync(string provider, string backup)
    {
        var folder = Path.Combine(Path.GetTempPath(), "tessera-cli-tests", Guid.NewGuid().ToString("N"), "data");
        Directory.CreateDirectory(folder);
        if (provider == "sqlite")
        {
            File.Copy(Path.Combine(backup, "tessera.db"), Path.Combine(folder, "tessera.db"));
            return StorageOptions.Sqlite(folder);
        }

        var database = await CreateDatabaseAsync();
        var connection = new NpgsqlConnectionStringBuilder(PostgresConnection()) { Database = database }.ConnectionString;
        await RunAsync("pg_restore", "--no-owner", "--exit-on-error", "--dbname=" + LibpqConnection(connection), Path.Combine(backup, "tessera.dump"));
        return new StorageOptions(StorageProvider.Postgres, connection, folder);
    }

    private static string PostgresConnection() =>
        string.IsNullOrEmpty(Postgres) ? throw new InvalidOperationException("PostgreSQL is required (TESSERA_REQUIRE_POSTGRES=1) but TESSERA_TEST_POSTGRES is not set") : Postgres;

    private static async Task<string> CreateDatabaseAsync()
    {
        var database = "tessera_backup_" + Guid.NewGuid().ToString("N")[..12];
        await using var admin = new NpgsqlConnection(PostgresConnection());
        await admin.OpenAsync();
        await admin.ExecuteAsync($"CREATE DATABASE {database}");
        return database;
    }

    // The same server and account as an Npgsql connection string, as pg_dump and pg_restore read it.
    private static string LibpqConnection(string npgsql)
    {
        var b = new NpgsqlConnectionStringBuilder(npgsql);
        var parts = new List<string> { $"host={b.Host}", $"port={b.Port}", $"dbname={b.Database}", $"user={b.Username}" };
        if (!string.IsNullOrEmpty(b.Password))
        {
            parts.Add($"password={b.Password}");
        }

        return string.Join(' ', parts);
    }

    private static async Task RunAsync(string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            info.ArgumentList.Add(a);
        }

        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{program} failed ({process.ExitCode}): {await stdout}{await stderr}");
    }
}
