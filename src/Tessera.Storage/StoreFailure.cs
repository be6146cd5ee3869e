using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Tessera.Storage;

/// <summary>What a failure of the database means for the caller: the one classification both hosts use (the CLI's exit 75,
/// the API's 503 and 409).</summary>
public enum StoreFailureKind
{
    /// <summary>Not a database failure the caller can act on: a fault of the node, reported as internal.</summary>
    None,

    /// <summary>The database does not answer now: PostgreSQL unreachable, refusing connections or shutting down; SQLite busy
    /// or locked beyond its busy timeout. Trying again later may succeed.</summary>
    Unavailable,

    /// <summary>A concurrent writer got there first (a unique key already taken).</summary>
    Conflict,
}

/// <summary>Classifies exceptions of the database drivers (Npgsql, Microsoft.Data.Sqlite) by what the caller should do.</summary>
public static class StoreFailure
{
    // SQLite result codes (https://sqlite.org/rescode.html): BUSY, LOCKED, and a constraint failure.
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteConstraint = 19;

    /// <summary>The kind of <paramref name="exception"/>, looking through wrappers (an aggregate, an inner exception).</summary>
    public static StoreFailureKind Classify(Exception? exception)
    {
        for (var e = exception; e is not null; e = e is AggregateException a && a.InnerExceptions.Count == 1 ? a.InnerExceptions[0] : e.InnerException)
        {
            var kind = e switch
            {
                PostgresException { SqlState: PostgresErrorCodes.UniqueViolation } => StoreFailureKind.Conflict,
                // Server-side transient states: too many connections, shutting down, starting up, cannot connect now.
                PostgresException p => p.IsTransient ? StoreFailureKind.Unavailable : StoreFailureKind.None,
                // Connection failures (refused, reset, timed out, DNS) come as NpgsqlException without a server state.
                NpgsqlException n => n.IsTransient || n.InnerException is SocketException or TimeoutException or IOException ? StoreFailureKind.Unavailable : StoreFailureKind.None,
                SqliteException { SqliteErrorCode: SqliteBusy or SqliteLocked } => StoreFailureKind.Unavailable,
                SqliteException { SqliteErrorCode: SqliteConstraint, SqliteExtendedErrorCode: 2067 or 1555 } => StoreFailureKind.Conflict,
                DbException => StoreFailureKind.None,
                _ => (StoreFailureKind?)null,
            };
            if (kind is { } found)
            {
                return found;
            }
        }

        return StoreFailureKind.None;
    }

    /// <summary>True when the database does not answer now (<see cref="StoreFailureKind.Unavailable"/>).</summary>
    public static bool IsUnavailable(Exception? exception) => Classify(exception) == StoreFailureKind.Unavailable;
}
