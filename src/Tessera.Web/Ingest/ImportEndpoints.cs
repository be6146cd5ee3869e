using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Tessera.Core.Access;
using Tessera.Core.Ingest;
using Tessera.Core.Ingest.Mapping;
using Tessera.Core.Model;
using Tessera.Core.Normalisation;
using Tessera.Storage;
using Tessera.Storage.Contributions;
using Tessera.Web.Auth;
using Tessera.Web.Hosting;

namespace Tessera.Web.Ingest;

/// <summary>File imports under <c>/api/v1/imports</c>: a preview with every problem found, and the import itself, all or nothing.</summary>
internal static partial class ImportEndpoints
{
    /// <summary>The largest upload accepted (the SIENA message cap).</summary>
    public const long MaxUploadBytes = IngestLimits.MaxUploadBytes;

    public static void Map(WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Tessera.Web.Ingest");
        var group = app.MapGroup("/api/v1/imports").RequireAuthorization().WithTags("Imports").DisableAntiforgery().AcceptsUploads();

        group.MapPost("/preview", async (HttpRequest request, Store store) =>
        {
            var upload = await ReadAsync(request);
            if (upload.Error is not null)
            {
                return upload.Error;
            }

            var rows = int.TryParse(request.Form["rows"], System.Globalization.CultureInfo.InvariantCulture, out var r) ? Math.Clamp(r, 1, 100) : 5;
            var prepared = await PrepareAsync(upload, store, request.HttpContext, rows);
            return Results.Ok(ImportPreviewDto.From(prepared));
        }).WithName("PreviewImport").WithSummary("Maps and normalises the first rows of an uploaded file (multipart: file, mapping) and lists every problem; stores nothing.")
          .Produces<ImportPreviewDto>().WithMetadata(new MultipartForm(
              ("file", "file", "The file: .csv or .xlsx with a mapping, FollowTheMoney JSON lines (.ftm.json) or statements (.csv) without one."),
              ("mapping", "file", "The mapping (.yml) saying which columns become which entities."),
              ("rows", "integer", "How many rows to preview (1–100, default 5).")));

        group.MapPost("/", async (HttpRequest request, Store store) =>
        {
            var upload = await ReadAsync(request);
            if (upload.Error is not null)
            {
                return upload.Error;
            }

            var principal = request.HttpContext.User.ToPrincipal();
            var prepared = await PrepareAsync(upload, store, request.HttpContext, null);
            var outcome = await ContributionImport.WriteAsync(store, prepared, upload.Request!, principal, ct: request.HttpContext.RequestAborted);
            var (_, result, hits) = outcome;
            if (result.Added)
            {
                Log.ImportDone(log, result.ContributionId, principal.Organisation, prepared.Format, prepared.Rows, outcome.Elapsed.TotalSeconds, outcome.RowsPerSecond, hits.Count);
            }
            return Results.Ok(new ImportResultDto(result.ContributionId, result.Added, prepared.Rows, result.Entities, result.Statements, hits.Count,
                prepared.Problems.Select(p => p.ToString()).ToList()));
        }).WithName("Import").WithSummary("Imports an uploaded file (multipart: file, mapping, case, handling, h3, reliability, accuracy, subject, purpose, transferTo as ORG=legal basis, repeatable) as one contribution of the caller's organisation.")
          .Produces<ImportResultDto>().WithMetadata(new MultipartForm(
              ("file", "file", "The file: .csv or .xlsx with a mapping, FollowTheMoney JSON lines (.ftm.json) or statements (.csv) without one."),
              ("mapping", "file", "The mapping (.yml) saying which columns become which entities."),
              ("case", "string", "The case the contribution is shared with."),
              ("handling", "string", "Handling codes, e.g. H0,H2 (default H0)."),
              ("h3", "string", "The provider's own restriction, required with H3."),
              ("reliability", "string", "Source reliability A, B, C or X (default B)."),
              ("accuracy", "integer", "Information accuracy 1–4 (default 2)."),
              ("subject", "string", "Category of data subject (default suspect)."),
              ("purpose", "string", "Purpose of processing."),
              ("transferTo", "strings", "ORG=legal basis: a third country or international organisation it may be transferred to; repeatable.")));
    }

    private static async Task<PreparedImport> PrepareAsync(Upload upload, Store store, HttpContext http, int? rows)
    {
        try
        {
            return await ContributionImport.PrepareAsync(store, upload.FilePath!, upload.MappingPath, upload.Request!, http.User.ToPrincipal(), rows, http.RequestAborted);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(upload.FilePath!)!, recursive: true);
        }
    }

    // The upload is kept under its own name in a private temporary folder: the name decides the format (.csv, .xlsx, .ftm.json).
    private static async Task<Upload> ReadAsync(HttpRequest request)
    {
        if (!request.HasFormContentType)
        {
            return Upload.Fail("send multipart/form-data with a 'file' part", "file");
        }

        var form = await request.ReadUploadFormAsync();
        var file = form.Files.GetFile("file");
        if (file is null || file.Length == 0)
        {
            return Upload.Fail("a 'file' part is required", "file");
        }

        if (file.Length > MaxUploadBytes)
        {
            return Upload.Fail("the file is larger than 50 MB", "file", StatusCodes.Status413PayloadTooLarge);
        }

        var principal = request.HttpContext.User.ToPrincipal();
        var importRequest = new ContributionRequest(principal.Organisation, form["case"].FirstOrDefault(), form["handling"].FirstOrDefault() ?? "H0",
            form["h3"].FirstOrDefault(), form["reliability"].FirstOrDefault() ?? "B",
            int.TryParse(form["accuracy"], System.Globalization.CultureInfo.InvariantCulture, out var a) ? a : 2,
            form["subject"].FirstOrDefault() ?? "suspect", form["purpose"].FirstOrDefault() ?? "prevent and combat migrant smuggling",
            Transfers: form["transferTo"].Count > 0 ? string.Join(';', form["transferTo"].OfType<string>()) : null);
        if (!UploadFolder.MayImport(principal))
        {
            return new Upload(null, null, null, Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "your role may not contribute data"));
        }

        var folder = UploadFolder.Create();
        var path = folder.FileFor(file.FileName);
        await using (var target = File.Create(path))
        {
            await file.CopyToAsync(target, request.HttpContext.RequestAborted);
        }

        string? mappingPath = null;
        if (form.Files.GetFile("mapping") is { Length: > 0 } mapping)
        {
            mappingPath = folder.MappingFor(mapping.FileName);
            await using var target = File.Create(mappingPath);
            await mapping.CopyToAsync(target, request.HttpContext.RequestAborted);
        }

        return new Upload(path, mappingPath, importRequest, null);
    }

    private static partial class Log
    {
        [LoggerMessage(300, LogLevel.Information, "Import done: contribution {ContributionId} of {Organisation}, {Format}, {Rows} rows in {Seconds:0.00} s ({RowsPerSecond:0} rows/s); cross-check: {Hits} hits")]
        public static partial void ImportDone(ILogger log, long contributionId, string organisation, string format, int rows, double seconds, double rowsPerSecond, int hits);
    }

    private sealed record Upload(string? FilePath, string? MappingPath, ContributionRequest? Request, IResult? Error)
    {
        public static Upload Fail(string title, string field, int status = StatusCodes.Status400BadRequest) =>
            new(null, null, null, Results.Problem(statusCode: status, title: title, extensions: new Dictionary<string, object?> { ["field"] = field }));
    }
}

internal sealed record PreviewValueDto(string Property, string Value, string? Normalised, bool Valid, string? Reason);

internal sealed record PreviewEntityDto(string Id, string Schema, IReadOnlyList<PreviewValueDto> Values);

internal sealed record ImportPreviewDto(string Source, string Format, int Rows, IReadOnlyList<PreviewEntityDto> Entities, IReadOnlyList<ImportProblemDto> Problems)
{
    public static ImportPreviewDto From(PreparedImport p) => new(p.Source, p.Format, p.Rows,
        p.Entities.Select(e => new PreviewEntityDto(e.Id, e.Schema, e.Values.Select(v => new PreviewValueDto(v.Property, v.Value, v.Normalised, v.Valid, v.Reason)).ToList())).ToList(),
        p.Problems.Select(ImportProblemDto.From).ToList());
}

internal sealed record ImportProblemDto(string File, int Line, string Column, string Property, string Value, string Reason)
{
    public static ImportProblemDto From(ImportProblem p) => new(p.File, p.Line, p.Column, p.Property, p.Value, p.Reason);
}

internal sealed record ImportResultDto(long ContributionId, bool Added, int Rows, int Entities, int Statements, int Hits, IReadOnlyList<string> Problems);
