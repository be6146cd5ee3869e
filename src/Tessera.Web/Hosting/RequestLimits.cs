using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Core.Ingest;

namespace Tessera.Web.Hosting;

/// <summary>The bounds of every request the server reads (documented in docs/security.md ("Input limits")): a body of at most
/// <see cref="MaxBodyBytes"/>, except file uploads (<see cref="MaxUploadRequestBytes"/>); JSON nested at most
/// <see cref="MaxJsonDepth"/> deep; malformed bodies reported as 400 problem details by <see cref="ErrorHandler"/>.</summary>
internal static class RequestLimits
{
    /// <summary>The largest request body outside uploads (1 MB).</summary>
    public const long MaxBodyBytes = 1024 * 1024;

    /// <summary>The largest upload request: the file cap plus room for the mapping and the form's other parts.</summary>
    public const long MaxUploadRequestBytes = IngestLimits.MaxUploadBytes + 2 * 1024 * 1024;

    /// <summary>The deepest JSON body read.</summary>
    public const int MaxJsonDepth = 32;

    public static void Apply(WebApplicationBuilder builder)
    {
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = MaxBodyBytes);
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.MaxDepth = MaxJsonDepth);
        // A body that cannot be bound throws, so that ErrorHandler answers with what was wrong rather than an empty 400.
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
    }

    /// <summary>Reads a multipart form; a form the reader cannot parse (cut short, a broken boundary, invalid characters) is the
    /// client's fault and answers 400 (over a limit, 413), through <see cref="ErrorHandler"/>.</summary>
    public static async Task<Microsoft.AspNetCore.Http.IFormCollection> ReadUploadFormAsync(this Microsoft.AspNetCore.Http.HttpRequest request)
    {
        try
        {
            return await request.ReadFormAsync(request.HttpContext.RequestAborted);
        }
        catch (Exception e) when (e is IOException or InvalidDataException && !e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase)
                                  && !request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            throw new Microsoft.AspNetCore.Http.BadHttpRequestException("the form cannot be read: " + e.Message.Split(". ")[0].TrimEnd('.', ' '), e);
        }
    }

    /// <summary>Lets the endpoints of <paramref name="builder"/> receive uploads up to <see cref="MaxUploadRequestBytes"/>.</summary>
    public static TBuilder AcceptsUploads<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new UploadSize()).WithFormOptions(multipartBodyLengthLimit: MaxUploadRequestBytes);

    private sealed class UploadSize : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => MaxUploadRequestBytes;
    }
}
