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
/// <param name="PerUserPerSecond">Requests per second one user may sustain on the API over all its credentials (cookie
/// sessions and tokens together); an anonymous caller counts by address. 0 turns the limit off. The default is two thirds of
/// a 2-core node's measured capacity (≈ 2,500–3,000 identifier checks/s, docs/performance.md), so one user cannot take
/// the whole node.</param>
/// <param name="PerUserBurst">Requests a user may send at once above the sustained rate.</param>
/// <param name="PerTokenPerSecond">Requests per second one API token may sustain; 0 turns the limit off. The default is twice
/// what one token reaches in the load bench (≈ 500/s each at 2,985 checks/s over six tokens), so the bench runs
/// unthrottled, and a script gone wrong leaves its user half the user's rate for the UI.</param>
/// <param name="PerTokenBurst">Requests a token may send at once above the sustained rate.</param>
/// <param name="SignInsPerMinutePerAddress">Sign-in attempts per minute from one client address (both sign-in endpoints).</param>
/// <param name="MaxConcurrentRequests">API requests served at once by this node; more wait in the queue.</param>
/// <param name="QueueLimit">API requests waiting for a slot; beyond it the answer is 503 with Retry-After, so every request
/// is either served or told to come back.</param>
public sealed record RateLimits(
    int PerUserPerSecond = 2_000,
    int PerUserBurst = 4_000,
    int PerTokenPerSecond = 1_000,
    int PerTokenBurst = 2_000,
    int SignInsPerMinutePerAddress = 30,
    int MaxConcurrentRequests = 64,
    int QueueLimit = 1_024)
{
    /// <exception cref="ArgumentOutOfRangeException">A limit is negative, or a burst or slot count is zero.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(PerUserPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegative(PerTokenPerSecond);
        ArgumentOutOfRangeException.ThrowIfNegative(QueueLimit);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(PerUserBurst);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(PerTokenBurst);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(SignInsPerMinutePerAddress);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(MaxConcurrentRequests);
    }

    /// <summary>Registers the per-token and per-user limiters (429) and the node's concurrency limiter (503).</summary>
    /// <remarks>The token bucket comes first in the chain: a chained limiter keeps what earlier limiters granted when a later
    /// one refuses, so a token over its rate must not also draw on its user's bucket. The concurrency limiter is a stage of
    /// its own: in the same chain, a request waiting for a slot would draw on the buckets twice (once when the middleware
    /// tries without waiting, once when it waits).</remarks>
    internal void AddTo(IServiceCollection services)
    {
        Validate();
        var perToken = PartitionedRateLimiter.Create<HttpContext, string>(PerToken);
        var perUser = PartitionedRateLimiter.Create<HttpContext, string>(PerUser);
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.CreateChained(perToken, perUser);
            o.OnRejected = (context, _) => RejectAsync(context.HttpContext, context.Lease, StatusCodes.Status429TooManyRequests);
        });
        services.AddSingleton(new NodeSlots(new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = MaxConcurrentRequests,
            QueueLimit = QueueLimit,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        })));
    }

    /// <summary>Adds the limiters to the pipeline, after authentication (the partitions are users and tokens).</summary>
    internal static void Use(WebApplication app)
    {
        app.UseRateLimiter();
        var slots = app.Services.GetRequiredService<NodeSlots>().Limiter;
        app.Use(async (http, next) =>
        {
            if (!IsLimited(http.Request.Path))
            {
                await next(http);
                return;
            }

            using var lease = await slots.AcquireAsync(1, http.RequestAborted);
            if (!lease.IsAcquired)
            {
                await RejectAsync(http, lease, StatusCodes.Status503ServiceUnavailable);
                return;
            }

            await next(http);
        });
    }

    private RateLimitPartition<string> PerUser(HttpContext http)
    {
        var path = http.Request.Path;
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (path.StartsWithSegments("/api/v1/auth/signin", StringComparison.Ordinal) || path.StartsWithSegments("/account/signin", StringComparison.Ordinal))
        {
            return Bucket("signin:" + address, SignInsPerMinutePerAddress, SignInsPerMinutePerAddress, TimeSpan.FromMinutes(1));
        }

        if (!IsLimited(path) || PerUserPerSecond == 0)
        {
            return RateLimitPartition.GetNoLimiter("unlimited");
        }

        var caller = http.User.Identity?.Name is { } user ? "user:" + user : "address:" + address;
        return Bucket(caller, PerUserBurst, PerUserPerSecond, TimeSpan.FromSeconds(1));
    }

    private RateLimitPartition<string> PerToken(HttpContext http) =>
        IsLimited(http.Request.Path) && PerTokenPerSecond > 0 && http.User.FindFirstValue(AuthSchemes.TokenClaim) is { } token
            ? Bucket("token:" + token, PerTokenBurst, PerTokenPerSecond, TimeSpan.FromSeconds(1))
            : RateLimitPartition.GetNoLimiter("no token");

    private static RateLimitPartition<string> Bucket(string key, int burst, int perPeriod, TimeSpan period) =>
        RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = perPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
        });

    // The UI's live connection (/_blazor) is one long request per page; counting it would hold a slot for hours.
    private static bool IsLimited(PathString path) =>
        path.StartsWithSegments("/api", StringComparison.Ordinal) || path.StartsWithSegments("/account", StringComparison.Ordinal);

    // A caller over its rate gets 429 with the time until its next request is allowed; a node over its queue gets 503.
    private static async ValueTask RejectAsync(HttpContext http, RateLimitLease lease, int status)
    {
        var seconds = lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)) : 1;
        http.Response.StatusCode = status;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var problems = http.RequestServices.GetRequiredService<IProblemDetailsService>();
        await problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = status,
                Title = status == StatusCodes.Status429TooManyRequests ? "too many requests" : "the server is busy",
                Detail = string.Create(CultureInfo.InvariantCulture, $"retry after {seconds} s"),
            },
        });
    }

    /// <summary>The node's API request slots, one limiter per process.</summary>
    internal sealed record NodeSlots(ConcurrencyLimiter Limiter);
}
