using System.Data.Common;
using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Npgsql;
using Tessera.Storage.Audit;
using Tessera.Storage.Contributions;
using Tessera.Storage.CrossCheck;
using Tessera.Storage.Directory;
using Tessera.Storage.Picture;

namespace Tessera.Storage;

/// <summary>Tessera's system of record on SQLite or PostgreSQL: one schema, versioned migrations for both.</summary>
public sealed class Store : IAsyncDisposable
{
    private readonly NpgsqlDataSource? _postgres;

    private Store(StorageOptions options, TimeProvider time)
    {
        Options = options;
        Time = time;
        if (options.Provider == StorageProvider.Postgres)
        {
            _postgres = NpgsqlDataSource.Create(options.ConnectionString);
        }
        else
        {
            System.IO.Directory.CreateDirectory(options.DataFolder);
        }

        Audit = new AuditLog(this);
        Contributions = new ContributionStore(this);
        Directory = new DirectoryStore(this);
        Hits = new HitStore(this);
        CrossCheck = new CrossChecker(this);
        Picture = new PictureStore(this);
        FollowUp = new FollowUp.FollowUpStore(this);
        Retention = new Retention(this);
        Actions = new Reporting.ActionTracker(this);
        Barometer = new Reporting.BarometerStore(this);
    }

    static Store() => SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());

    public StorageOptions Options { get; }

    public TimeProvider Time { get; }

    public StorageProvider Provider => Options.Provider;

    public AuditLog Audit { get; }

    public ContributionStore Contributions { get; }

    public DirectoryStore Directory { get; }

    /// <summary>Hits, notices and the log of systematic checks.</summary>
    public HitStore Hits { get; }

    /// <summary>The cross-check on arrival and screening against stored data.</summary>
    public CrossChecker CrossCheck { get; }

    public PictureStore Picture { get; }

    /// <summary>Hit follow-up: triage, match decisions and resolved identities, access requests and releases.</summary>
    public FollowUp.FollowUpStore FollowUp { get; }
    /// <summary>Review dates enforced: notices to owners, extensions, erasure of contributions past their review date.</summary>
    public Retention Retention { get; }

    /// <summary>Each organisation's status of the actions of Council note 13901/23, with evidence.</summary>
    public Reporting.ActionTracker Actions { get; }

    /// <summary>The Schengen Barometer+: indicators computed from the data, and the report.</summary>
    public Reporting.BarometerStore Barometer { get; }

    /// <summary>The hub organisation and the reference key, as every node reads them.</summary>
    public PlatformSettings Settings { get; private set; } = null!;

    /// <summary>Opens the store and applies pending migrations.</summary>
    public static async Task<Store> OpenAsync(StorageOptions options, TimeProvider? time = null, CancellationToken ct = default)
    {
        var store = new Store(options, time ?? TimeProvider.System);
        await Migrations.ApplyAsync(store, ct);
        store.Settings = await PlatformSettings.LoadAsync(store, ct);
        store.Audit.Key = await AuditKeyFile.LoadOrCreateAsync(store, ct);
        return store;
    }

    /// <summary>True when the store exists: the SQLite file is there, or the PostgreSQL database holds Tessera's schema. Only
    /// commands that set up a store may open one that does not (<see cref="OpenAsync"/> creates it).</summary>
    public static async Task<bool> ExistsAsync(StorageOptions options, CancellationToken ct = default)
    {
        if (options.Provider == StorageProvider.Sqlite)
        {
            return File.Exists(options.DatabaseFile);
        }

        await using var source = NpgsqlDataSource.Create(options.ConnectionString);
        await using var connection = await source.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<bool>("SELECT to_regclass('schema_migrations') IS NOT NULL");
    }

    /// <summary>An open connection; SQLite connections run in WAL mode with a busy timeout.</summary>
    public async Task<DbConnection> ConnectAsync(CancellationToken ct = default)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(ct);
        }

        var connection = new SqliteConnection(Options.ConnectionString);
        await connection.OpenAsync(ct);
        await connection.ExecuteAsync("PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL;");
        return connection;
    }

    /// <summary>Begins a write transaction; on SQLite it takes the write lock at once (BEGIN IMMEDIATE).</summary>
    public static async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken ct = default) =>
        connection is SqliteConnection sqlite
            ? sqlite.BeginTransaction(deferred: false)
            : await connection.BeginTransactionAsync(ct);

    /// <summary>The dialect's auto-increment primary key.</summary>
    internal string IdColumn => Provider == StorageProvider.Sqlite
        ? "INTEGER PRIMARY KEY AUTOINCREMENT"
        : "BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";

    /// <summary>A condition "column is one of the list in parameter @name": PostgreSQL takes the list as an array.</summary>
    internal string In(string column, string parameter) =>
        Provider == StorageProvider.Postgres ? $"{column} = ANY(@{parameter})" : $"{column} IN @{parameter}";

    /// <summary>"now" from the injected clock, as stored (ISO 8601, UTC).</summary>
    internal string Now() => Format(Time.GetUtcNow());

    /// <summary>A stored time (<see cref="Format"/>) read back.</summary>
    internal static DateTimeOffset ParseTime(string t) => DateTimeOffset.Parse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    internal static string Format(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        CrossCheck.Index.Dispose();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    private sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(System.Data.IDbDataParameter parameter, DateTimeOffset value) => parameter.Value = Format(value);

        public override DateTimeOffset Parse(object value) =>
            ParseTime((string)value);
    }
}
