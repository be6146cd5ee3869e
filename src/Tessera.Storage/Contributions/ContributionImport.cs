using System.Diagnostics;
using System.Globalization;
using Tessera.Core.Access;
using Tessera.Core.Audit;
using Tessera.Core.Ingest;
using Tessera.Core.Normalisation;

namespace Tessera.Storage.Contributions;

/// <summary>What an import wrote: the contribution, and the hits its cross-check on arrival found.</summary>
public sealed record ImportOutcome(PreparedImport Prepared, WriteResult Result, IReadOnlyList<long> Hits)
{
    /// <summary>The time from the start of the write to the end of the cross-check.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Rows written and cross-checked per second.</summary>
    public double RowsPerSecond => Prepared.Rows / Math.Max(Elapsed.TotalSeconds, 1e-6);
}

/// <summary>The stages of an import, in order.</summary>
public enum ImportStage
{
    /// <summary>Reading, mapping and normalising the file.</summary>
    Reading,

    /// <summary>Writing the contribution and its statements in one transaction.</summary>
    Writing,

    /// <summary>The cross-check on arrival against everyone else's data.</summary>
    CrossChecking,

    /// <summary>Finished: stored and cross-checked, or found to be stored already.</summary>
    Done,
}

/// <summary>Where an import stands: its stage and the share of the whole import done, from 0 to 1.</summary>
public sealed record ImportProgress(ImportStage Stage, double Fraction);

/// <summary>A file becomes one contribution: read and normalised with the provider's region, written atomically,
/// then cross-checked on arrival. The command line, the API and the demo workspace all import through here.</summary>
public static class ContributionImport
{
    /// <summary>Reads, maps and normalises a file (its first <paramref name="previewRows"/> rows for a preview); stores nothing.</summary>
    public static async Task<PreparedImport> PrepareAsync(Store store, string path, string? mappingPath, ContributionRequest request,
        int? previewRows = null, CancellationToken ct = default)
    {
        var org = await store.Directory.OrganisationAsync(request.Organisation, ct);
        return FileImport.Prepare(path, mappingPath, request, new NormalisationContext(org?.PhoneRegion), previewRows);
    }

    /// <summary>Reads a file as <paramref name="by"/> does for a preview (<paramref name="previewRows"/> set) or an import, and audits
    /// it: a preview is a read of personal data (<c>import.preview</c>), and a file refused for bad input writes an entry with
    /// outcome <c>refused</c> naming the reason, before the error goes back to the caller.</summary>
    /// <exception cref="Core.Model.ModelException">The file, mapping or request is bad; nothing is stored.</exception>
    public static async Task<PreparedImport> PrepareAsync(Store store, string path, string? mappingPath, ContributionRequest request, Principal by,
        int? previewRows = null, CancellationToken ct = default)
    {
        var action = previewRows is null ? "import" : "import.preview";
        var target = "file:" + Path.GetFileName(path);
        PreparedImport prepared;
        try
        {
            prepared = await PrepareAsync(store, path, mappingPath, request, previewRows, ct);
        }
        catch (Core.Model.ModelException e)
        {
            await store.Audit.AppendAsync(AuditEvent.By(by, action, target, "refused", e.Message), CancellationToken.None);
            throw;
        }

        if (previewRows is not null)
        {
            await store.Audit.AppendAsync(AuditEvent.By(by, action, target, "ok",
                string.Create(CultureInfo.InvariantCulture, $"{prepared.Rows} rows, {prepared.Entities.Count} entities, {prepared.Problems.Count} problems")), ct);
        }

        return prepared;
    }

    /// <summary>Writes a prepared file as one contribution and cross-checks it against everyone else's data (once: a file stored before returns its hits).</summary>
    public static Task<ImportOutcome> WriteAsync(Store store, PreparedImport prepared, ContributionRequest request, Principal by,
        string? createdBy = null, CancellationToken ct = default) => WriteAsync(store, prepared, request, by, createdBy, null, ct);

    /// <summary>The whole pipeline for one file — read, write, cross-check — reporting each stage to <paramref name="progress"/>.</summary>
    /// <exception cref="Core.Model.ModelException">The file, mapping or request is bad; nothing is stored.</exception>
    public static async Task<ImportOutcome> ImportAsync(Store store, string path, string? mappingPath, ContributionRequest request, Principal by,
        IProgress<ImportProgress>? progress, CancellationToken ct = default)
    {
        progress?.Report(new ImportProgress(ImportStage.Reading, 0));
        var prepared = await PrepareAsync(store, path, mappingPath, request, by, ct: ct);
        return await WriteAsync(store, prepared, request, by, null, progress, ct);
    }

    // Reading is the first 40 % of the way, the all-or-nothing write the next 30 %, the cross-check the rest.
    private static async Task<ImportOutcome> WriteAsync(Store store, PreparedImport prepared, ContributionRequest request, Principal by,
        string? createdBy, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        progress?.Report(new ImportProgress(ImportStage.Writing, 0.4));
        using var activity = Telemetry.Source.StartActivity("import");
        activity?.SetTag("tessera.format", prepared.Format);
        activity?.SetTag("tessera.rows", prepared.Rows);
        var started = Stopwatch.GetTimestamp();
        var contribution = request.ToContribution(prepared.Source, prepared.ContentHash, createdBy ?? by.UserName, store.Time.GetUtcNow());
        var result = await store.Contributions.WriteAsync(contribution, prepared.Entities, by, ct);
        progress?.Report(new ImportProgress(ImportStage.CrossChecking, 0.7));
        // A file stored before was cross-checked then (its hits come back), unless the process stopped between the write
        // and the check: then the check runs now.
        var hits = await store.CrossCheck.CheckContributionAsync(result.ContributionId, ct);
        var elapsed = Stopwatch.GetElapsedTime(started);
        if (result.Added)
        {
            Telemetry.ImportRows.Add(prepared.Rows, new KeyValuePair<string, object?>("format", prepared.Format));
            Telemetry.ImportRate.Record(prepared.Rows / Math.Max(elapsed.TotalSeconds, 1e-6), new KeyValuePair<string, object?>("format", prepared.Format));
        }

        progress?.Report(new ImportProgress(ImportStage.Done, 1));
        return new ImportOutcome(prepared, result, hits) { Elapsed = elapsed };
    }
}
