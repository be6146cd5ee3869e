using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;
using Tessera.Core.Access;
using Tessera.Core.Model;
using Tessera.Storage;

namespace Tessera.Web.Hosting;

/// <summary>The one place that turns an exception into an answer (RFC 9457 problem details): <see cref="ModelException"/>
/// answers 400 naming file, line and field (404 when it names something unknown, 409 when it clashes with the current state);
/// a refusal of the policy answers 403; a request the server could not read (malformed JSON, a field of the wrong type, an
/// unknown charset, a broken or oversized form) 400, 413 or 415; a database that does not answer 503 with Retry-After. Anything
/// else is a fault of the node: 500, logged at error with the trace id the answer carries. A browser asking for a page gets
/// the error page instead (<see cref="BrowserPages"/>).</summary>
internal sealed partial class ErrorHandler(IProblemDetailsService problems, ILogger<ErrorHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = Describe(httpContext.Request, exception);
        var traceId = Activity.Current?.Id ?? httpContext.TraceIdentifier;
        var status = problem.Status!.Value;
        if (status >= StatusCodes.Status500InternalServerError && status != StatusCodes.Status503ServiceUnavailable)
        {
            Log.Unhandled(log, httpContext.Request.Method, httpContext.Request.Path, traceId, exception);
        }
        else if (status == StatusCodes.Status503ServiceUnavailable)
        {
            Log.DatabaseUnavailable(log, httpContext.Request.Path, traceId, exception.GetBaseException().Message);
        }
        else if (exception is AccessRefusedException)
        {
            Log.Refused(log, httpContext.User.Identity?.Name ?? "anonymous", httpContext.Request.Method, httpContext.Request.Path, exception.Message);
        }

        if (httpContext.Response.HasStarted || (status >= StatusCodes.Status500InternalServerError && BrowserPages.Wants(httpContext)))
        {
            // The error page (re-executed by the exception middleware) answers the browser.
            return false;
        }

        httpContext.Response.StatusCode = status;
        if (status == StatusCodes.Status503ServiceUnavailable)
        {
            httpContext.Response.Headers.RetryAfter = "5";
        }

        await WriteAsync(problems, httpContext, problem, exception);
        return true;
    }

    /// <summary>Writes <paramref name="problem"/> as <c>application/problem+json</c> with the request's trace id, whatever the
    /// client's Accept header says (an API answers its own format, also to a browser).</summary>
    internal static async Task WriteAsync(IProblemDetailsService problems, HttpContext http, ProblemDetails problem, Exception? exception = null)
    {
        problem.Status ??= http.Response.StatusCode;
        problem.Title ??= ReasonPhrases.GetReasonPhrase(problem.Status.Value);
        problem.Extensions["traceId"] = Activity.Current?.Id ?? http.TraceIdentifier;
        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem, Exception = exception }))
        {
            await http.Response.WriteAsJsonAsync(problem, (JsonSerializerOptions?)null, "application/problem+json");
        }
    }

    /// <summary>The problem details for <paramref name="exception"/>; status 500 for a fault of the node.</summary>
    internal static ProblemDetails Describe(HttpRequest request, Exception exception) => exception switch
    {
        ModelException m => FromModel(m),
        AccessRefusedException r => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = r.Message },
        BadHttpRequestException { InnerException: JsonException json } b => FromJson(b, json),
        BadHttpRequestException b => new ProblemDetails { Status = b.StatusCode, Title = Title(b) },
        // The multipart reader reports a form over one of its limits as invalid data ("Multipart body length limit … exceeded").
        InvalidDataException d when request.HasFormContentType && d.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) =>
            new ProblemDetails { Status = StatusCodes.Status413PayloadTooLarge, Title = d.Message },
        // The JSON reader refuses a body in a charset it does not know; the answer names the charset, checked here.
        InvalidOperationException when UnknownCharset(request) is { } charset => new ProblemDetails
        {
            Status = StatusCodes.Status415UnsupportedMediaType,
            Title = $"the charset '{charset}' is not supported; send UTF-8",
        },
        _ => StoreFailure.Classify(exception) switch
        {
            StoreFailureKind.Unavailable => new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = "the database does not answer; try again shortly" },
            StoreFailureKind.Conflict => new ProblemDetails { Status = StatusCodes.Status409Conflict, Title = "another request changed the same data first; read it again and retry" },
            _ => new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "an internal error occurred; quote the trace id to the operator" },
        },
    };

    private static ProblemDetails FromModel(ModelException m)
    {
        var problem = new ProblemDetails
        {
            Status = m.NotFound ? StatusCodes.Status404NotFound : m.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest,
            Title = m.Message,
            Detail = m.Describe(),
        };
        if (m.File is not null)
        {
            problem.Extensions["file"] = m.File;
        }

        if (m.Line is not null)
        {
            problem.Extensions["line"] = m.Line;
        }

        if (m.Field is not null)
        {
            problem.Extensions["field"] = m.Field;
        }

        return problem;
    }

    // System.Text.Json names the place in the body ("$.hit", "$.items[2].name"); the field is its last name.
    private static ProblemDetails FromJson(BadHttpRequestException b, JsonException json)
    {
        var field = json.Path is { Length: > 2 } path ? path[(path.LastIndexOf('.') + 1)..].Split('[')[0] : null;
        var problem = new ProblemDetails
        {
            Status = b.StatusCode,
            Title = field is { Length: > 0 } ? $"'{field}' has the wrong type or value" : "the body is not the JSON this endpoint reads",
            Detail = json.Message,
        };
        if (field is { Length: > 0 })
        {
            problem.Extensions["field"] = field;
        }

        return problem;
    }

    // The first sentence of the server's reason: it names the parameter and what was wrong, never a value or a stack.
    private static string Title(BadHttpRequestException b) =>
        b.StatusCode == StatusCodes.Status413PayloadTooLarge ? "the request body is too large"
        : b.Message.StartsWith("Implicit body inferred", StringComparison.Ordinal) ? "a JSON body is required"
        : b.Message.Split(". ")[0];

    private static string? UnknownCharset(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var type) || type.Charset is not { Length: > 0 } charset)
        {
            return null;
        }

        try
        {
            _ = Encoding.GetEncoding(charset.Value!.Trim('"'));
            return null;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException)
        {
            // Unknown names, and UTF-7, which .NET refuses to decode.
            return charset.Value;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(100, LogLevel.Error, "Unhandled error in {Method} {Path} (trace {TraceId})")]
        public static partial void Unhandled(ILogger log, string method, string path, string traceId, Exception e);

        [LoggerMessage(101, LogLevel.Warning, "The database does not answer for {Path} (trace {TraceId}): {Reason}")]
        public static partial void DatabaseUnavailable(ILogger log, string path, string traceId, string reason);

        [LoggerMessage(102, LogLevel.Warning, "Refused {User}: {Method} {Path}: {Reason}")]
        public static partial void Refused(ILogger log, string user, string method, string path, string reason);
    }
}
