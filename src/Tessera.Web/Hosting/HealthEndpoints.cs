using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;
using Tessera.Storage;

namespace Tessera.Web.Hosting;

/// <summary>Health checks for load balancers and orchestrators: <c>/health/live</c> (the process answers) and
/// <c>/health/ready</c> (the database answers and the audit key is on disk). Anonymous, outside the API's rate limits, and
/// answering only "Healthy" or "Unhealthy"; the reason goes to the node's log.</summary>
internal static partial class HealthEndpoints
{
    private const string Ready = "ready";

    public static void AddTo(IServiceCollection services)
    {
        // One instance, so that its answer is shared by every probe (the framework makes the check from this registration).
        services.AddSingleton<StoreReadiness>();
        services.AddHealthChecks().AddCheck<StoreReadiness>("store", tags: [Ready]);
    }

    public static void Map(WebApplication app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous().DisableHttpMetrics();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) }).AllowAnonymous().DisableHttpMetrics();
        // Kept for clients of the first release: the process answers.
        app.MapGet("/health", () => Results.Ok(new { status = "ok" })).WithName("Health").WithSummary("Liveness: ok while the process runs.").AllowAnonymous();
    }

    /// <summary>The store's readiness (<see cref="StoreHealth"/>), asked at most once a second however often probes come, so
    /// that probes cannot load the database.</summary>
    private sealed class StoreReadiness(Store store, ILogger<StoreReadiness> log) : IHealthCheck, IDisposable
    {
        private static readonly TimeSpan Fresh = TimeSpan.FromSeconds(1);
        private static readonly TimeProvider Clock = TimeProvider.System;
        private readonly SemaphoreSlim _one = new(1, 1);
        private (DateTimeOffset At, string? Problem)? _last;

        public void Dispose() => _one.Dispose();

        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            await _one.WaitAsync(cancellationToken);
            try
            {
                if (_last is not { } last || Clock.GetUtcNow() - last.At >= Fresh)
                {
                    var problem = await StoreHealth.ProblemAsync(store, cancellationToken);
                    if (problem is not null && problem != _last?.Problem)
                    {
                        Log.NotReady(log, problem);
                    }

                    last = (Clock.GetUtcNow(), problem);
                    _last = last;
                }

                return last.Problem is null ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy(last.Problem);
            }
            finally
            {
                _one.Release();
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(200, LogLevel.Warning, "Not ready: {Problem}")]
        public static partial void NotReady(ILogger log, string problem);
    }
}
