using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Tessera.Storage;

/// <summary>Tessera's traces and metrics, recorded where the work is done (imports, the cross-check on arrival, screening
/// checks) under one name, <see cref="Name"/>; the web host exports them by OTLP (docs/operations.md, "Logs, metrics and health").</summary>
/// <remarks>Tags carry kinds and outcomes only, never a value, a name or an identifier that was checked.</remarks>
public static class Telemetry
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "Tessera";

    public static readonly ActivitySource Source = new(Name);

    public static readonly Meter Meter = new(Name);

    /// <summary>Screening checks answered (tags <c>kind</c>: person or identifier; <c>outcome</c>: hit or no-hit): checks per
    /// second is its rate, the hit rate its share tagged hit.</summary>
    public static readonly Counter<long> Checks = Meter.CreateCounter<long>("tessera.checks", "{check}", "Screening checks answered, by kind and outcome");

    /// <summary>Rows of imported files stored as new contributions.</summary>
    public static readonly Counter<long> ImportRows = Meter.CreateCounter<long>("tessera.import.rows", "{row}", "Rows of imported files stored");

    /// <summary>Rows per second of each import, from the start of the write to the end of its cross-check.</summary>
    public static readonly Histogram<double> ImportRate = Meter.CreateHistogram<double>("tessera.import.rate", "{row}/s", "Rows per second of each import, write and cross-check");

    /// <summary>Hits the cross-check on arrival found (tag <c>kind</c>: same-person, link, review, identifier).</summary>
    public static readonly Counter<long> CrossCheckHits = Meter.CreateCounter<long>("tessera.crosscheck.hits", "{hit}", "Hits found by the cross-check on arrival");

    /// <summary>Contributions waiting for their cross-check or being checked (recovery on start and imports in progress).</summary>
    public static readonly UpDownCounter<long> CrossCheckQueue = Meter.CreateUpDownCounter<long>("tessera.crosscheck.queue", "{contribution}",
        "Contributions waiting for or in their cross-check");
}
