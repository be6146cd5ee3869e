using Tessera.Core.Access;
using Tessera.Core.Ingest;
using Tessera.Core.Normalisation;

namespace Tessera.Storage.Contributions;

/// <summary>What an import wrote: the contribution, and the hits its cross-check on arrival found.</summary>
public sealed record ImportOutcome(PreparedImport Prepared, WriteResult Result, IReadOnlyList<long> Hits);

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

    /// <summary>Writes a prepared file as one contribution and, when it added anything, cross-checks it against everyone else's data.</summary>
    public static async Task<ImportOutcome> WriteAsync(Store store, PreparedImport prepared, ContributionRequest request, Principal by,
        string? createdBy = null, CancellationToken ct = default)
    {
        var contribution = request.ToContribution(prepared.Source, prepared.ContentHash, createdBy ?? by.UserName, store.Time.GetUtcNow());
        var result = await store.Contributions.WriteAsync(contribution, prepared.Entities, by, ct);
        var hits = result.Added ? await store.CrossCheck.CheckContributionAsync(result.ContributionId, ct) : [];
        return new ImportOutcome(prepared, result, hits);
    }
}
