using System.Globalization;
using Dapper;
using Tessera.Storage;

namespace Tessera.Bench.Durability;

/// <summary>What the store must hold after any crash: every acknowledged contribution once and whole, nothing partial,
/// no statement without its contribution, and one audit entry for every contribution written.</summary>
internal static class CrashCheck
{
    /// <summary>Reopens the store and lists every violation (empty when the store is consistent).</summary>
    public static async Task<List<string>> RunAsync(StorageOptions options, IReadOnlyList<CrashFile> files)
    {
        var failures = new List<string>();
        await using var store = await Store.OpenAsync(options);
        await using var connection = await store.ConnectAsync();
        var stored = (await connection.QueryAsync<(long Id, string Source, long Statements)>(
            "SELECT c.id, c.source, (SELECT COUNT(*) FROM statements s WHERE s.contribution_id = c.id) FROM contributions c")).ToList();
        var audited = (await connection.QueryAsync<(string Target, long Count)>(
            "SELECT target, COUNT(*) FROM audit_log WHERE action = 'contribution.write' GROUP BY target")).ToDictionary(a => a.Target, a => a.Count, StringComparer.Ordinal);
        var orphans = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM statements s WHERE NOT EXISTS (SELECT 1 FROM contributions c WHERE c.id = s.contribution_id)");
        if (orphans > 0)
        {
            failures.Add(string.Create(CultureInfo.InvariantCulture, $"{orphans} statements without their contribution"));
        }

        var bySource = stored.ToLookup(s => s.Source, StringComparer.Ordinal);
        foreach (var file in files)
        {
            var found = bySource[file.Source].ToList();
            if (found.Count > 1)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{file.Source}: stored {found.Count} times"));
                continue;
            }

            if (found.Count == 0)
            {
                if (file.Acknowledged)
                {
                    failures.Add($"{file.Source}: acknowledged but absent");
                }

                continue;
            }

            var (id, _, statements) = found[0];
            if (statements != file.Statements)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{file.Source}: partial, {statements} of {file.Statements} statements"));
            }

            if (file.Acknowledged && file.ContributionId is { } acknowledged && acknowledged != id)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{file.Source}: acknowledged as contribution {acknowledged}, stored as {id}"));
            }

            var target = string.Create(CultureInfo.InvariantCulture, $"contribution:{id}");
            if (audited.GetValueOrDefault(target) != 1)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{file.Source}: {audited.GetValueOrDefault(target)} contribution.write audit entries, expected 1"));
            }
        }

        return failures;
    }

    /// <summary>The contribution stored for <paramref name="source"/>: its id, when its write began and when its audit
    /// entry was appended (just before the commit), from the store's clock.</summary>
    public static async Task<(long Id, DateTimeOffset Began, DateTimeOffset Audited)?> WriteWindowAsync(StorageOptions options, string source)
    {
        await using var store = await Store.OpenAsync(options);
        await using var connection = await store.ConnectAsync();
        var row = await connection.QuerySingleOrDefaultAsync<(long Id, string Created, string Audited)?>(
            "SELECT c.id, c.created, a.time FROM contributions c JOIN audit_log a ON a.target = 'contribution:' || c.id " +
            "AND a.action = 'contribution.write' WHERE c.source = @source", new { source });
        return row is { } r ? (r.Id, Parse(r.Created), Parse(r.Audited)) : null;
    }

    /// <summary>What <c>tessera audit verify</c> runs, in this process: empty when the chain is intact.</summary>
    public static async Task<List<string>> VerifyAuditAsync(StorageOptions options)
    {
        await using var store = await Store.OpenAsync(options);
        var result = await store.Audit.VerifyAsync();
        return result.Intact ? [] : [string.Create(CultureInfo.InvariantCulture, $"audit verify: broken at entry {result.FirstBroken}: {result.Problem}")];
    }

    /// <summary>Imports <paramref name="file"/> again through the pipeline <c>tessera import</c> uses, as the operator.</summary>
    public static async Task<Tessera.Storage.Contributions.ImportOutcome> ImportAgainAsync(StorageOptions options, CrashFile file, string mapping)
    {
        await using var store = await Store.OpenAsync(options);
        return await Tessera.Storage.Contributions.ContributionImport.ImportAsync(store, file.Path, mapping,
            new Tessera.Core.Ingest.ContributionRequest(file.Organisation, null), Tessera.Core.Access.Principal.System, progress: null);
    }

    /// <summary>True when the cross-check on arrival of the contribution is recorded as done.</summary>
    public static async Task<bool> CrossCheckedAsync(StorageOptions options, long contributionId)
    {
        await using var store = await Store.OpenAsync(options);
        return await store.Hits.CheckedAsync(contributionId);
    }

    private static DateTimeOffset Parse(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
