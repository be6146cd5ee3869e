using Dapper;

namespace Tessera.Storage;

/// <summary>Whether this node can serve: the database answers a query, and the audit key it writes with is still on disk.</summary>
/// <remarks>The answer names the failing part only (for the node's log and the operator), never data. A missing key file
/// means the next start would refuse to open the log, and a node that cannot audit must not serve.</remarks>
public static class StoreHealth
{
    /// <summary>Null when the store is ready; otherwise which part is not, in a few words.</summary>
    public static async Task<string?> ProblemAsync(Store store, CancellationToken ct = default)
    {
        try
        {
            await using var connection = await store.ConnectAsync(ct);
            await connection.ExecuteScalarAsync<int>(new CommandDefinition("SELECT 1", cancellationToken: ct));
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or TimeoutException or IOException
                                   or System.Net.Sockets.SocketException)
        {
            return "database: " + (StoreFailure.IsUnavailable(e) ? "does not answer" : "fails");
        }

        return File.Exists(store.Options.AuditKeyFile) ? null : "audit key: file missing";
    }
}
