using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Tessera.Web.Auth;

namespace Tessera.Web.Hosting;

/// <summary>Rate limits and overload protection of the API (issue #12, point 5).</summary>
/// <param name="PerCallerPerSecond">Requests per second a user (a token counts on its own) or an anonymous address may
/// sustain on the API; 0 turns the per-caller limit off. The default is twice what one token reaches in the load bench
/// (≈ 500/s each at 2,985 checks/s over six tokens) and a third of a 2-core node's measured capacity, so a single user
/// cannot take the whole node.</param>
/// <param name="PerCallerBurst">Requests a caller may send at once above the sustained rate.</param>
/// <param name="SignInsPerMinutePerAddress">Sign-in attempts per minute from one client address (both sign-in endpoints).</param>
/// <param name="MaxConcurrentRequests">API requests served at once by this node; more wait in the queue.</param>
/// <param name="QueueLimit">API requests waiting for a slot; beyond it the answer is 503 with Retry-After, so every request
/// is either served or told to come back.</param>
public sealed record RateLimits(
    int PerCallerPerSecond = 1_000,
    int PerCallerBurst = 2_000,
    int SignInsPerMinutePerAddress = 30,
    int MaxConcurrentRequests = 64,
    int QueueLimit = 1_024)
{
    /// <exception cref="ArgumentOutOfRangeException">A limit is negative, or a slot count is zero.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(PerCallerPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegative(QueueLimit);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(PerCallerBurst);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(SignInsPerMinutePerAddress);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxConcurrentRequests);
    }

    /// <summary>Registers the limiters: per caller (429) chained before the node's concurrency limit (503).</summary>
    internal void AddTo(IServiceCollection services)
    {
        Validate();
        var perCaller = PartitionedRateLimiter.Create<HttpContext, string>(PerCaller);
        var concurrency = PartitionedRateLimiter.Create<HttpContext, string>(http => IsLimited(http.Request.Path)
            ? RateLimitPartition.GetConcurrencyLimiter("node", _ => new ConcurrencyLimiterOptions
            {
                PermitLimit = MaxConcurrentRequests,
                QueueLimit = QueueLimit,
                QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            })
            : RateLimitPartition.GetNoLimiter("ui"));
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(perCaller, concurrency);
            o.OnRejected = RejectAsync;
        });
    }

    private RateLimitPartition<string> PerCaller(HttpContext http)
    {
        var path = http.Request.Path;
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (path.StartsWithSegments("/api/v1/auth/signin", StringComparison.Ordinal) || path.StartsWithSegments("/account/signin", StringComparison.Ordinal))
        {
            return RateLimitPartition.GetTokenBucketLimiter("signin:" + address, _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = SignInsPerMinutePerAddress,
                TokensPerPeriod = SignInsPerMinutePerAddress,
                ReplenishmentPeriod = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
            });
        }

        if (!IsLimited(path) || PerCallerPerSecond == 0)
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }

        // A token is its own partition, so a script gone wrong does not lock its owner out of the UI.
        var caller = http.User.FindFirstValue(AuthSchemes.TokenClaim) is { } token ? "token:" + token
            : http.User.Identity?.Name is { } user ? "user:" + user
            : "address:" + address;
        return RateLimitPartition.GetTokenBucketLimiter(caller, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = PerCallerBurst,
            TokensPerPeriod = PerCallerPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
        });
    }

    // The UI's live connection (/_blazor) is one long request per page; counting it would hold a slot for hours.
    private static bool IsLimited(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.Ordinal) || path.StartsWithSegments("/account", StringComparison.Ordinal);

    // A caller over its rate gets 429 with the time until its next request is allowed; a node over its queue gets 503.
    // Token buckets report when to retry, the concurrency limiter does not: that is how the two are told apart.
    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var overCallerLimit = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter);
        var status = overCallerLimit ? StatusCodes.Status429TooManyRequests : StatusCodes.Status503ServiceUnavailable;
        var seconds = overCallerLimit ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 1;
        http.Response.StatusCode = status;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = status,
                Title = overCallerLimit ? "too many requests" : "the server is busy",
                Detail = string.Create(CultureInfo.InvariantCulture, $"retry after {seconds} s"),
            },
        });
    }
}
