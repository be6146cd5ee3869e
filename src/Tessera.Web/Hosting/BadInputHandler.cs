using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Tessera.Core.Model;

namespace Tessera.Web.Hosting;

/// <summary>The one place that turns bad input into problem details: <see cref="ModelException"/> answers 400 naming file,
/// line and field (404 when it names something unknown), a request the server could not read (malformed or too deeply
/// nested JSON, a body or form over its limit) answers 400 or 413. Anything else stays a 500 for the default handler.</summary>
internal sealed class BadInputHandler(IProblemDetailsService problems) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ModelException m => FromModel(m),
            Core.Access.AccessRefusedException r => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = r.Message },
            BadHttpRequestException b => new ProblemDetails { Status = b.StatusCode, Title = Title(b) },
            // The multipart reader reports a form over one of its limits as invalid data ("Multipart body length limit … exceeded").
            InvalidDataException d when httpContext.Request.HasFormContentType && d.Message.Contains("limit", StringComparison.OrdinalIgnoreCase) =>
                new ProblemDetails { Status = StatusCodes.Status413PayloadTooLarge, Title = d.Message },
            _ => null,
        };
        if (problem is null || httpContext.Response.HasStarted)
        {
            return false;
        }

        httpContext.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    private static ProblemDetails FromModel(ModelException m)
    {
        var problem = new ProblemDetails
        {
            Status = m.NotFound ? StatusCodes.Status404NotFound : StatusCodes.Status400BadRequest,
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

    // The first sentence of the server's reason: it names the parameter and what was wrong, never a value or a stack.
    private static string Title(BadHttpRequestException b) =>
        b.StatusCode == StatusCodes.Status413PayloadTooLarge ? "the request body is too large" : b.Message.Split(". ")[0];
}
