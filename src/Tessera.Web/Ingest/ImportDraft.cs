using Tessera.Core.Access;
using Tessera.Core.Ingest;
using Tessera.Storage;
using Tessera.Storage.Contributions;

namespace Tessera.Web.Ingest;

/// <summary>A mapping an analyst may start from: one of the demo's mappings (<c>demo/*.mapping.yml</c>).</summary>
internal sealed record MappingPreset(string Name, string Text)
{
    /// <summary>The presets shipped with the application, by name.</summary>
    public static IReadOnlyList<MappingPreset> All()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "demo");
        return Directory.Exists(folder)
            ? Directory.GetFiles(folder, "*.mapping.yml").Order(StringComparer.Ordinal)
                .Select(f => new MappingPreset(Path.GetFileName(f)[..^".mapping.yml".Length], File.ReadAllText(f))).ToList()
            : [];
    }
}

/// <summary>The import wizard's file on the server while the analyst maps it: previewed and imported through the same
/// pipeline as the API (<see cref="ContributionImport"/>), deleted when the wizard closes.</summary>
internal sealed class ImportDraft : IDisposable
{
    private readonly UploadFolder _folder = UploadFolder.Create();

    public string? FileName { get; private set; }

    public long Size { get; private set; }

    private string? FilePath { get; set; }

    /// <summary>Why a file of this size is refused (over <see cref="ImportEndpoints.MaxUploadBytes"/>), or null when it is accepted.</summary>
    public static string? SizeProblem(string name, long size, System.Globalization.CultureInfo culture) =>
        size <= ImportEndpoints.MaxUploadBytes
            ? null
            : string.Create(culture, $"{name} is {size / (1024.0 * 1024.0):N1} MB; the limit is {ImportEndpoints.MaxUploadBytes / (1024 * 1024)} MB. Split the file and import the parts.");

    /// <summary>Keeps the uploaded file; the caller has checked <see cref="SizeProblem"/>.</summary>
    public async Task SaveAsync(Stream content, string name, long size, CancellationToken ct)
    {
        var path = _folder.FileFor(name);
        await using (var target = File.Create(path))
        {
            await content.CopyToAsync(target, ct);
        }

        if (FilePath is not null && FilePath != path)
        {
            File.Delete(FilePath);
        }

        (FilePath, FileName, Size) = (path, name, size);
    }

    /// <summary>Maps and normalises the first rows; stores nothing.</summary>
    /// <exception cref="Core.Model.ModelException">The file or mapping cannot be read.</exception>
    public Task<PreparedImport> PreviewAsync(Store store, string? mappingText, ContributionRequest request, Principal by, int rows, CancellationToken ct) =>
        ContributionImport.PrepareAsync(store, FilePath!, WriteMapping(mappingText), request, by, rows, ct);

    /// <summary>Imports the whole file as one contribution, all or nothing, reporting each stage.</summary>
    /// <exception cref="Core.Model.ModelException">The file, mapping or request is bad; nothing is stored.</exception>
    public Task<ImportOutcome> RunAsync(Store store, string? mappingText, ContributionRequest request, Principal by,
        IProgress<ImportProgress> progress, CancellationToken ct) =>
        ContributionImport.ImportAsync(store, FilePath!, WriteMapping(mappingText), request, by, progress, ct);

    /// <summary>The file's columns with their first non-empty values, for the column mapper; empty for FollowTheMoney JSON
    /// lines, which need no mapping.</summary>
    /// <exception cref="Core.Model.ModelException">The file is not a readable table.</exception>
    public IReadOnlyList<ColumnSample> Columns(int samples)
    {
        if (FilePath is null || FileName is null || Format is not ("csv" or "xlsx"))
        {
            return [];
        }

        var table = Core.Ingest.Mapping.Table.Read(FilePath);
        return table.Header.Select((name, i) => new ColumnSample(name,
            table.Rows.Select(r => r[i].Trim()).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).Take(samples).ToList())).ToList();
    }

    /// <summary>The kind of the file for a mapping's <c>format</c>: xlsx, csv, or null for FollowTheMoney JSON lines.</summary>
    public string? Format => FileName switch
    {
        null => null,
        _ when FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) => "xlsx",
        _ when FileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || FileName.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) => null,
        _ => "csv",
    };

    public void Dispose() => _folder.Dispose();

    private string? WriteMapping(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var path = _folder.MappingFor("mapping.yml");
        File.WriteAllText(path, text);
        return path;
    }
}

/// <summary>A column of the uploaded file with a few of its values.</summary>
/// <remarks>Public only because a component parameter must be.</remarks>
public sealed record ColumnSample(string Name, IReadOnlyList<string> Samples);

/// <summary>What the provider states about the file in the wizard: the case, handling codes, reliability and accuracy.</summary>
/// <remarks>Public only because a component parameter must be.</remarks>
public sealed class ImportTerms
{
    public string CaseId { get; set; } = "";

    public bool H0 { get; set; } = true;

    public bool H1 { get; set; }

    public bool H2 { get; set; }

    public bool H3 { get; set; }

    public string H3Text { get; set; } = "";

    public string Reliability { get; set; } = "B";

    public int Accuracy { get; set; } = 2;

    /// <summary>Why the terms cannot be used yet, or null when they can.</summary>
    public string? Problem =>
        !(H0 || H1 || H2 || H3) ? "Choose at least one handling code."
        : H3 && string.IsNullOrWhiteSpace(H3Text) ? "H3 needs the restriction in your own words."
        : null;

    public ContributionRequest ToRequest(string organisation)
    {
        var codes = new[] { (H0, "H0"), (H1, "H1"), (H2, "H2"), (H3, "H3") }.Where(c => c.Item1).Select(c => c.Item2);
        return new ContributionRequest(organisation, CaseId.Length == 0 ? null : CaseId, string.Join(',', codes),
            H3 ? H3Text.Trim() : null, Reliability, Accuracy);
    }
}
