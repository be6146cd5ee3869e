using System.Globalization;
using Npgsql;
using Tessera.Core.Access;
using Tessera.Core.Model;
using Tessera.Storage.Directory;

namespace Tessera.Storage.Tests;

/// <summary>Fresh stores for storage tests, written once and run on SQLite and on PostgreSQL.</summary>
/// <remarks>PostgreSQL runs when <c>TESSERA_TEST_POSTGRES</c> holds a connection string. With
/// <c>TESSERA_REQUIRE_POSTGRES=1</c> (as on CI) a missing PostgreSQL fails the tests instead of leaving them out.</remarks>
public static class TestStores
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    private static readonly string? PostgresConnection = Environment.GetEnvironmentVariable("TESSERA_TEST_POSTGRES");
    private static readonly bool PostgresRequired = Environment.GetEnvironmentVariable("TESSERA_REQUIRE_POSTGRES") == "1";

    /// <summary>The providers every storage test runs on.</summary>
    public static TheoryData<string> Providers
    {
        get
        {
            var data = new TheoryData<string> { Sqlite };
            if (!string.IsNullOrEmpty(PostgresConnection) || PostgresRequired)
            {
                data.Add(Postgres);
            }

            return data;
        }
    }

    /// <summary>A store on a new, empty database of the given provider.</summary>
    public static async Task<Store> CreateAsync(string provider, TimeProvider? time = null)
    {
        if (provider == Sqlite)
        {
            var folder = Path.Combine(Path.GetTempPath(), "tessera-tests", Guid.NewGuid().ToString("N"));
            return await Store.OpenAsync(StorageOptions.Sqlite(folder), time);
        }

        if (string.IsNullOrEmpty(PostgresConnection))
        {
            throw new InvalidOperationException("PostgreSQL is required (TESSERA_REQUIRE_POSTGRES=1) but TESSERA_TEST_POSTGRES is not set");
        }

        var database = "tessera_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var admin = new NpgsqlConnection(PostgresConnection))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(PostgresConnection) { Database = database };
        return await Store.OpenAsync(new StorageOptions(StorageProvider.Postgres, builder.ConnectionString, Path.GetTempPath()), time);
    }

    /// <summary>A store with organisations IT, GR, MT, EU (declared the hub) and a case C1 shared by IT and GR.</summary>
    public static async Task<Store> CreateSeededAsync(string provider, TimeProvider? time = null)
    {
        var store = await CreateAsync(provider, time);
        foreach (var (code, name) in new[] { ("IT", "Italy"), ("GR", "Greece"), ("MT", "Malta"), ("EU", "EU hub") })
        {
            await store.Directory.AddOrganisationAsync(new Organisation(code, name, code == "EU" ? "EU" : code, code == "EU" ? "agency" : "national"), Principal.System);
        }

        await store.Directory.AddCaseAsync("C1", "Zuwara boats", "IT", ["GR"], Principal.System);
        await store.Settings.SetHubAsync("EU", Principal.System);
        return store;
    }

    /// <summary>A user of <paramref name="org"/>; users of EU, the seeded store's hub, stand at the hub.</summary>
    public static Principal User(string org, params Role[] roles) => new("user-" + org.ToLowerInvariant(), org, roles.ToHashSet()) { AtHub = org == "EU" };

    public static Contribution Contribution(string org, string? caseId, string handling = "H0", string hash = "h1",
        SubjectCategory subject = SubjectCategory.Suspect) =>
        new(0, org, caseId, HandlingCodes.Parse(handling, handling.Contains("H3", StringComparison.Ordinal) ? "ask the desk first" : null),
            SourceReliability.B, 2, subject, "investigation", new DateTimeOffset(2026, 11, 1, 9, 0, 0, TimeSpan.Zero),
            new DateOnly(2029, 11, 1), ContributionKind.CaseData, "test.ftm.json", hash, "test");

    public static Entity Person(string id, string name, string? birthDate = null) =>
        new(id, "Person", new List<PropertyValue> { new("name", name) }
            .Concat(birthDate is null ? [] : [new PropertyValue("birthDate", birthDate, birthDate)])
            .ToList());

    public static string Id(int i) => i.ToString(CultureInfo.InvariantCulture);
}
