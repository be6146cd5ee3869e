using System.Diagnostics.Metrics;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Tessera.Web.Hosting;

/// <summary>Logs, traces and metrics of the web host (docs/operations.md, "Logs, metrics and health"): application logs as
/// JSON lines (<c>AddJsonConsole</c>) when <c>TESSERA_LOG_FORMAT=json</c> or in production, one simple line per event
/// otherwise; one request line per request at debug; OpenTelemetry traces and metrics exported by OTLP when
/// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.</summary>
internal static partial class Observability
{
    /// <summary>The variable that chooses the log format: <c>json</c> or <c>simple</c>.</summary>
    public const string FormatVariable = "TESSERA_LOG_FORMAT";

    /// <summary>The category of the request lines (debug level).</summary>
    public const string RequestCategory = "Tessera.Web.Requests";

    public static void AddTo(WebApplicationBuilder builder, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        Logging(builder.Logging, builder.Environment, environment);
        var otel = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("tessera", serviceVersion: typeof(Observability).Assembly.GetName().Version?.ToString()))
            .WithTracing(t => t.AddSource(Storage.Telemetry.Name).AddAspNetCoreInstrumentation(o => o.Filter = http => !IsProbe(http)))
            .WithMetrics(m => m.AddMeter(Storage.Telemetry.Name, WebMeter.Name).AddAspNetCoreInstrumentation());
        if (environment("OTEL_EXPORTER_OTLP_ENDPOINT") is { Length: > 0 })
        {
            // The exporter reads the endpoint, protocol and headers from the standard OTEL_EXPORTER_OTLP_* variables.
            otel.UseOtlpExporter();
        }
    }

    /// <summary>Whether application logs are JSON lines: by <see cref="FormatVariable"/>, else in production.</summary>
    public static bool Json(IHostEnvironment host, Func<string, string?> environment) =>
        environment(FormatVariable)?.Trim().ToLowerInvariant() switch
        {
            "json" => true,
            "simple" or "text" => false,
            _ => host.IsProduction(),
        };

    private static void Logging(ILoggingBuilder logging, IHostEnvironment host, Func<string, string?> environment)
    {
        logging.ClearProviders();
        if (Json(host, environment))
        {
            logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
                o.JsonWriterOptions = new System.Text.Json.JsonWriterOptions { Indented = false };
            });
        }
        else
        {
            logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "HH:mm:ss ";
            });
        }

        // The framework's own request chatter (a start and an end line per request, per endpoint) stays below information;
        // the host writes one request line at debug instead (RequestCategory). Configuration (Logging:LogLevel) still wins.
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Microsoft.AspNetCore.Hosting.Lifetime", LogLevel.Information);
        logging.AddFilter(RequestCategory, LogLevel.Information);
    }

    /// <summary>One line per request at debug: method, path, status and time; health probes are left out.</summary>
    public static void UseRequestLog(WebApplication app)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(RequestCategory);
        app.Use(async (http, next) =>
        {
            if (!log.IsEnabled(LogLevel.Debug) || IsProbe(http))
            {
                await next(http);
                return;
            }

            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                await next(http);
            }
            finally
            {
                Log.Request(log, http.Request.Method, http.Request.Path, http.Response.StatusCode, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
    }

    private static bool IsProbe(HttpContext http) => http.Request.Path.StartsWithSegments("/health", StringComparison.Ordinal);

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "{Method} {Path} answered {Status} in {Milliseconds:0.0} ms")]
        public static partial void Request(ILogger log, string method, string path, int status, double milliseconds);
    }
}

/// <summary>The web host's own instruments: the queue of the node's request limiter.</summary>
internal static class WebMeter
{
    public const string Name = "Tessera.Web";

    /// <summary>Observes the API requests waiting for a slot of the node (<see cref="RateLimits.MaxConcurrentRequests"/>); the
    /// meter lives as long as the host's services.</summary>
    public static void Observe(IServiceProvider services)
    {
        var slots = services.GetRequiredService<RateLimits.NodeSlots>();
        var meter = services.GetRequiredService<IMeterFactory>().Create(Name);
        meter.CreateObservableGauge("tessera.requests.queued", () => slots.Limiter.GetStatistics()?.CurrentQueuedCount ?? 0, "{request}",
            "API requests waiting for a slot of the node");
    }
}
