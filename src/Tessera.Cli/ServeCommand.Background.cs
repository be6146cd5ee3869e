using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Tessera.Storage;
using Tessera.Storage.Audit;
using Tessera.Storage.CrossCheck;

namespace Tessera.Cli;

/// <summary>What a serving node does in the background once it listens: the recovery on start, the daily retention run, and
/// the audit witness.</summary>
internal static partial class ServeCommand
{
    private static void StartBackgroundWork(WebApplication app, Store store, AuditWitnessOptions witness)
    {
        var log = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Tessera.Serve");
        var stopping = app.Lifetime.ApplicationStopping;
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            _ = Task.Run(() => RecoverAsync(store, log, stopping), stopping);
            _ = Task.Run(() => RetentionAsync(store, log, stopping), stopping);
            if (witness.File is { } file)
            {
                _ = Task.Run(() => WitnessAsync(store, file, witness.Interval, log, stopping), stopping);
            }
        });
    }

    /// <summary>How often a serving node looks again for contributions stored but never cross-checked.</summary>
    internal static readonly TimeSpan RecoveryInterval = TimeSpan.FromMinutes(5);

    // Recovery on start: contributions stored but never cross-checked (a stop between the write and the check) are checked now,
    // after start so that the node answers meanwhile; then every few minutes, so that a contribution left by another node that
    // died between its write and its check is checked without waiting for that node to come back. Once per contribution even
    // with several nodes (CrossChecker.ClaimAsync).
    private static async Task RecoverAsync(Store store, ILogger log, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(RecoveryInterval);
        var first = true;
        do
        {
            try
            {
                var found = await store.CrossCheck.RecoverAsync(new RecoveryLog(log), ct);
                if (first || found > 0)
                {
                    Log.RecoveryDone(log, found);
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                Log.RecoveryStopped(log);
                return;
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException)
            {
                Log.RecoveryFailed(log, e);
            }

            first = false;
        }
        while (await timer.WaitForNextTickAsync(ct).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default));
    }

    // Retention right after start, then once a day by the store's clock: owners told of review dates coming near, contributions
    // past theirs erased (each audited by the store). Several nodes may run it; each notice and erasure happens once.
    private static async Task RetentionAsync(Store store, ILogger log, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromDays(1), store.Time);
        do
        {
            try
            {
                var run = await store.Retention.RunAsync(Core.Access.Principal.System, ct: ct);
                foreach (var e in run.Erased)
                {
                    Log.RetentionErased(log, e.ContributionId, e.Organisation, e.ReviewDate, e.Statements, e.Hits);
                }

                Log.RetentionDone(log, run.Due.Count, run.Notified.Count, run.Erased.Count);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException)
            {
                Log.RetentionFailed(log, e);
            }
        }
        while (await timer.WaitForNextTickAsync(ct).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default));
    }

    // The first witness right after start, then one per interval.
    private static async Task WitnessAsync(Store store, string file, TimeSpan interval, ILogger log, CancellationToken ct)
    {
        using var timer = new PeriodicTimer(interval);
        do
        {
            try
            {
                var head = await store.Audit.WitnessAsync(file, ct);
                Log.Witnessed(log, head.Sequence, file);
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                Log.WitnessFailed(log, file, e);
            }
        }
        while (await timer.WaitForNextTickAsync(ct).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default));
    }

    // A line at the start, at every tenth of the way and at the end: progress without a line per contribution.
    private sealed class RecoveryLog(ILogger log) : IProgress<RecoveryProgress>
    {
        public void Report(RecoveryProgress value)
        {
            if (value.Done == 0)
            {
                if (value.Total > 0)
                {
                    Log.RecoveryStarted(log, value.Total);
                }
            }
            else if (value.Done % Math.Max(1, value.Total / 10) == 0 || value.Done == value.Total)
            {
                Log.RecoveryProgress(log, value.Done, value.Total);
            }
        }
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Recovery: {Count} stored contributions were never cross-checked; checking them in the background")]
        public static partial void RecoveryStarted(ILogger log, int count);

        [LoggerMessage(2, LogLevel.Information, "Recovery: {Done} of {Total} contributions cross-checked")]
        public static partial void RecoveryProgress(ILogger log, int done, int total);

        [LoggerMessage(3, LogLevel.Information, "Recovery done: {Count} contributions needed a cross-check")]
        public static partial void RecoveryDone(ILogger log, int count);

        [LoggerMessage(4, LogLevel.Information, "Recovery stopped with the host; the rest is checked at the next start")]
        public static partial void RecoveryStopped(ILogger log);

        [LoggerMessage(5, LogLevel.Error, "Recovery of unchecked contributions failed; it runs again in a few minutes")]
        public static partial void RecoveryFailed(ILogger log, Exception e);

        [LoggerMessage(6, LogLevel.Information, "Audit head at entry {Sequence} witnessed in {File}")]
        public static partial void Witnessed(ILogger log, long sequence, string file);

        [LoggerMessage(7, LogLevel.Error, "Audit witness could not be written to {File}")]
        public static partial void WitnessFailed(ILogger log, string file, Exception e);

        [LoggerMessage(8, LogLevel.Information, "Retention: contribution {Id} of {Organisation} erased, review date {ReviewDate} passed ({Statements} statements, {Hits} hits)")]
        public static partial void RetentionErased(ILogger log, long id, string organisation, DateOnly reviewDate, int statements, int hits);

        [LoggerMessage(9, LogLevel.Information, "Retention run: {Due} contributions due for review, {Notified} owners told, {Erased} erased; next run in a day")]
        public static partial void RetentionDone(ILogger log, int due, int notified, int erased);

        [LoggerMessage(10, LogLevel.Error, "Retention run failed; it runs again in a day")]
        public static partial void RetentionFailed(ILogger log, Exception e);
    }
}
