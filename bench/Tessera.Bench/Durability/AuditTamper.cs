using System.Diagnostics;
using System.Globalization;
using Dapper;
using Tessera.Core.Audit;
using Tessera.Storage;

namespace Tessera.Bench.Durability;

/// <summary>Tampers with single audit entries straight in the database, checks that verification names the first broken
/// entry, and puts the entries back exactly as they were.</summary>
internal static class AuditTamper
{
    private const string Columns = "seq, time, actor, organisation, action, target, outcome, details, prev_hash, hash, query, purpose";

    private const string Select = "SELECT seq AS Seq, time AS Time, actor AS Actor, organisation AS Organisation, action AS Action, target AS Target, " +
        "outcome AS Outcome, details AS Details, prev_hash AS PreviousHash, hash AS Hash, query AS Query, purpose AS Purpose FROM audit_log";

    private static readonly string[] Fields = ["time", "actor", "organisation", "action", "target", "outcome", "details", "query", "purpose", "prev_hash", "hash"];

    /// <summary>Runs every kind of tampering at random positions; returns the number of tamperings not detected as expected.</summary>
    public static async Task<int> RunAsync(Store store, long total, Random random)
    {
        var failures = 0;
        var field = Fields[random.Next(Fields.Length)];
        var at = Position(random, total);
        failures += await TryAsync(store, $"field {field} altered", [at], at, async c =>
            await c.ExecuteAsync($"UPDATE audit_log SET {field} = {Altered(field)} WHERE seq = @at", new { at }));

        at = Position(random, total);
        // Re-hashed with the published rule but without the key: the keyed hash of the entry itself no longer matches.
        failures += await TryAsync(store, "entry forged and re-hashed without the key", [at], at, c => ForgeAsync(c, at));

        failures += await TryAsync(store, "last entry forged and re-hashed without the key", [total], total, c => ForgeAsync(c, total));

        at = Position(random, total);
        failures += await TryAsync(store, "entry deleted", [at], at, async c =>
            await c.ExecuteAsync("DELETE FROM audit_log WHERE seq = @at", new { at }));

        failures += await TryAsync(store, "last entry deleted", [total], total, async c =>
            await c.ExecuteAsync("DELETE FROM audit_log WHERE seq = @total", new { total }));

        var first = Position(random, total);
        var second = first;
        while (second == first)
        {
            second = Position(random, total);
        }

        (first, second) = (Math.Min(first, second), Math.Max(first, second));
        failures += await TryAsync(store, "two entries swapped", [first, second], first, async c =>
        {
            await c.ExecuteAsync("UPDATE audit_log SET seq = -1 WHERE seq = @first", new { first });
            await c.ExecuteAsync("UPDATE audit_log SET seq = @first WHERE seq = @second", new { first, second });
            await c.ExecuteAsync("UPDATE audit_log SET seq = @second WHERE seq = -1", new { second });
        });
        return failures;
    }

    // Somewhere in the log but not at its very ends, which have their own cases.
    private static long Position(Random random, long total) => 2 + random.NextInt64(total - 3);

    private static string Altered(string field) => field switch
    {
        // One tick later: the stored text differs in its last digit of the seven fractional digits.
        "time" => "SUBSTR(time, 1, 26) || CASE WHEN SUBSTR(time, 27, 1) = '0' THEN '1' ELSE '0' END || 'Z'",
        "prev_hash" or "hash" => "REPLACE(" + field + ", SUBSTR(" + field + ", 1, 1), CASE WHEN SUBSTR(" + field + ", 1, 1) = 'a' THEN 'b' ELSE 'a' END)",
        _ => field + " || 'x'",
    };

    // The forger rewrites an entry and recomputes its hash, as someone with write access to the table could.
    private static async Task ForgeAsync(System.Data.Common.DbConnection connection, long at)
    {
        var row = await connection.QuerySingleAsync<RawEntry>(Select + " WHERE seq = @at", new { at });
        var forged = row.ToEntry() with { Outcome = row.Outcome == "Deny" ? "Allow" : "Deny" };
        await connection.ExecuteAsync("UPDATE audit_log SET outcome = @Outcome, hash = @hash WHERE seq = @at", new { forged.Outcome, hash = forged.ComputeHash(), at });
    }

    private static async Task<int> TryAsync(Store store, string what, long[] touched, long expected, Func<System.Data.Common.DbConnection, Task> tamper)
    {
        List<RawEntry> originals;
        await using (var connection = await store.ConnectAsync())
        {
            originals = (await connection.QueryAsync<RawEntry>(Select + " WHERE " + (store.Provider == StorageProvider.Postgres ? "seq = ANY(@touched)" : "seq IN @touched"),
                new { touched })).ToList();
            await tamper(connection);
        }

        var clock = Stopwatch.StartNew();
        var result = await store.Audit.VerifyAsync();
        var seconds = clock.Elapsed.TotalSeconds;
        await using (var connection = await store.ConnectAsync())
        {
            await connection.ExecuteAsync((store.Provider == StorageProvider.Postgres ? "DELETE FROM audit_log WHERE seq = ANY(@touched)" : "DELETE FROM audit_log WHERE seq IN @touched") +
                " OR seq = -1", new { touched });
            await connection.ExecuteAsync($"INSERT INTO audit_log ({Columns}) VALUES (@Seq, @Time, @Actor, @Organisation, @Action, @Target, @Outcome, @Details, @PreviousHash, @Hash, @Query, @Purpose)", originals);
        }

        var ok = result.FirstBroken == expected;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"tamper: {what} at {string.Join(" and ", touched)}: {(result.Intact ? "NOT DETECTED" : $"broken at entry {result.FirstBroken}: {result.Problem}")} " +
            $"({result.Checked:N0} entries read, {seconds:0.00} s){(ok ? "" : $" — EXPECTED entry {expected}")}"));
        return ok ? 0 : 1;
    }

    private sealed record RawEntry(long Seq, string Time, string Actor, string Organisation, string Action, string Target, string Outcome, string Details,
        string PreviousHash, string Hash, string Query, string Purpose)
    {
        public AuditEntry ToEntry() => new(Seq, DateTimeOffset.Parse(Time, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
            Actor, Organisation, Action, Target, Outcome, Details, PreviousHash, Hash) { Query = Query, Purpose = Purpose };
    }
}
