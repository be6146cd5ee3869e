using System.Diagnostics;
using System.Security.Cryptography;

namespace Tessera.Fuzz.Engine;

/// <summary>A parser under fuzzing: what it runs on an input, the one exception it documents for bad input (null when it
/// must never throw), tokens worth inserting, and the longest input tried.</summary>
internal sealed record FuzzTarget(string Name, Action<byte[]> Run, Type? DocumentedError, IReadOnlyList<string> Dictionary, int MaxLength = 4096);

/// <summary>An input that made the target throw an undocumented exception, or run past the time budget.</summary>
internal sealed record FuzzFailure(string Kind, byte[] Input, string Message);

/// <summary>What a run did: executions, the seeds that reached distinct coverage, the new inputs kept for new coverage,
/// the edges reached, and every failure.</summary>
internal sealed record FuzzReport(string Target, long Executions, int Seeds, int SeedsKept, IReadOnlyList<byte[]> Found, int Edges, TimeSpan Elapsed,
    IReadOnlyList<FuzzFailure> Failures);

/// <summary>An in-process, coverage-guided fuzz loop (libFuzzer's shape): take a corpus entry, mutate it, run the target with
/// the coverage map cleared, keep the input when it reached an (edge, hit-count bucket) never seen before.</summary>
/// <remarks>A watchdog thread reports an input that has not returned after four times the budget as a hang; an input that
/// returns after more than the budget is a hang too. The random source is seeded, so a run can be repeated.</remarks>
internal static class Fuzzer
{
    public static FuzzReport Run(FuzzTarget target, IReadOnlyList<byte[]> seeds, long executions, int seed, TimeSpan budget)
    {
        var map = new CoverageMap();
        var corpus = new List<byte[]>();
        var seedsKept = 0;
        var failures = new List<FuzzFailure>();
        var random = new Random(seed);
        var mutator = new Mutator(random, target.Dictionary.Select(System.Text.Encoding.UTF8.GetBytes).ToList(), target.MaxLength);
        var clock = Stopwatch.StartNew();
        long done = 0;
        long startedAt = -1;
        byte[] current = [];
        var stop = false;

        var loop = new Thread(() =>
        {
            // Seeds first: they found the corpus, and the first calls pay for JIT and static data, so no time budget yet.
            foreach (var s in seeds)
            {
                if (Execute(s, timed: false))
                {
                    corpus.Add(s);
                }
            }

            seedsKept = corpus.Count;
            if (corpus.Count == 0)
            {
                corpus.Add([]);
            }

            while (done < executions && !Volatile.Read(ref stop))
            {
                var input = mutator.Mutate(corpus[random.Next(corpus.Count)], corpus);
                if (Execute(input, timed: true))
                {
                    corpus.Add(input);
                }
            }
        }, 16 * 1024 * 1024) { IsBackground = true, Name = "fuzz " + target.Name };

        bool Execute(byte[] input, bool timed)
        {
            current = input;
            map.Reset();
            var start = clock.ElapsedTicks;
            Volatile.Write(ref startedAt, timed ? start : -1);
            try
            {
                target.Run(input);
            }
            catch (Exception ex) when (target.DocumentedError is not null && target.DocumentedError.IsInstanceOfType(ex))
            {
            }
            catch (Exception ex)
            {
                lock (failures)
                {
                    failures.Add(new FuzzFailure("crash", input, ex.GetType().FullName + ": " + ex.Message + "\n" + ex.StackTrace));
                }
            }

            Volatile.Write(ref startedAt, -1);
            var took = Stopwatch.GetElapsedTime(start, clock.ElapsedTicks);
            if (timed && took > budget)
            {
                lock (failures)
                {
                    failures.Add(new FuzzFailure("hang", input, $"took {took.TotalMilliseconds:F0} ms (budget {budget.TotalMilliseconds:F0} ms)"));
                }
            }

            done += timed ? 1 : 0;
            return map.Merge() > 0;
        }

        loop.Start();
        var finished = false;
        while (!(finished = loop.Join(200)))
        {
            var started = Volatile.Read(ref startedAt);
            if (started >= 0 && Stopwatch.GetElapsedTime(started, clock.ElapsedTicks) > budget * 4)
            {
                lock (failures)
                {
                    failures.Add(new FuzzFailure("hang", current, "did not return"));
                }

                Volatile.Write(ref stop, true);
                break;
            }
        }

        // A loop still running (a hang) keeps writing to the map: it is left allocated then.
        var edges = map.Edges;
        if (finished)
        {
            map.Dispose();
        }

        lock (failures)
        {
            return new FuzzReport(target.Name, done, seeds.Count, seedsKept, corpus.Skip(Math.Max(seedsKept, 1)).ToList(), edges, clock.Elapsed, failures.ToList());
        }
    }

    /// <summary>A file name for an input: its SHA-256, as libFuzzer names corpus files.</summary>
    public static string NameOf(byte[] input) => Convert.ToHexStringLower(SHA256.HashData(input))[..16];
}
