namespace Tessera.Storage;

/// <summary>Which database Tessera uses.</summary>
public enum StorageProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where Tessera keeps its data: a SQLite file in the data folder by default, or PostgreSQL.</summary>
/// <param name="DataFolder">The data folder: <c>./data</c> unless <c>TESSERA_DATA</c> names another.</param>
public sealed record StorageOptions(StorageProvider Provider, string ConnectionString, string DataFolder)
{
    /// <summary>Environment variable naming the data folder.</summary>
    public const string DataFolderVariable = "TESSERA_DATA";

    /// <summary>Environment variable holding a PostgreSQL connection string; when set, PostgreSQL is used.</summary>
    public const string PostgresVariable = "TESSERA_POSTGRES";

    /// <summary>Environment variable naming the audit key file, when it is not <c>audit.key</c> in the data folder.</summary>
    public const string AuditKeyVariable = "TESSERA_AUDIT_KEY_FILE";

    /// <summary>The file holding the audit chain's key (never in the database): <c>TESSERA_AUDIT_KEY_FILE</c>, else
    /// <c>audit.key</c> in the data folder — on PostgreSQL too, each node keeping its copy in its own data folder.</summary>
    public string AuditKeyFile
    {
        get => _auditKeyFile ?? Path.Combine(DataFolder, "audit.key");
        init => _auditKeyFile = value;
    }

    private readonly string? _auditKeyFile;

    /// <summary>Options from the environment: PostgreSQL when <c>TESSERA_POSTGRES</c> is set, else SQLite in the data folder.</summary>
    public static StorageOptions FromEnvironment()
    {
        var folder = Path.GetFullPath(Environment.GetEnvironmentVariable(DataFolderVariable) is { Length: > 0 } d ? d : "data");
        var options = Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } pg
            ? new StorageOptions(StorageProvider.Postgres, pg, folder)
            : Sqlite(folder);
        return Environment.GetEnvironmentVariable(AuditKeyVariable) is { Length: > 0 } key ? options with { AuditKeyFile = Path.GetFullPath(key) } : options;
    }

    /// <summary>The demo workspace's own SQLite store, <c>demo/tessera.db</c> in the data folder (<c>tessera serve --demo</c>), so
    /// that the demo never mixes with real data.</summary>
    public StorageOptions Demo() => Sqlite(Path.Combine(DataFolder, "demo"));

    /// <summary>The SQLite database file, or null on PostgreSQL.</summary>
    public string? DatabaseFile => Provider == StorageProvider.Sqlite ? Path.Combine(DataFolder, "tessera.db") : null;

    /// <summary>The store the commands open in this data folder: its own (<c>tessera.db</c>); when the folder has none but
    /// holds the demo store (only <c>serve --demo</c> ran there), the demo's. PostgreSQL is always the database named.</summary>
    public StorageOptions Resolve() =>
        Provider == StorageProvider.Sqlite && !File.Exists(DatabaseFile) && File.Exists(Demo().DatabaseFile) ? Demo() : this;

    /// <summary>The store in one line, without secrets: <c>SQLite /path/tessera.db</c> or <c>PostgreSQL host:port/database</c>.</summary>
    public string Describe()
    {
        if (Provider == StorageProvider.Sqlite)
        {
            return "SQLite " + DatabaseFile;
        }

        var pg = new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL {pg.Host}:{pg.Port.ToString(System.Globalization.CultureInfo.InvariantCulture)}/{pg.Database ?? pg.Username}";
    }

    /// <summary>A SQLite database <c>tessera.db</c> in <paramref name="folder"/>.</summary>
    public static StorageOptions Sqlite(string folder) =>
        new(StorageProvider.Sqlite, $"Data Source={Path.Combine(folder, "tessera.db")};Foreign Keys=True;Pooling=True", folder);
}
