using System.Runtime.InteropServices;
using SharpFuzz.Common;

namespace Tessera.Fuzz.Engine;

/// <summary>The edge-coverage map the SharpFuzz instrumentation writes (AFL's scheme: a counter per hashed pair of
/// consecutive branches), and the record of every (edge, hit-count bucket) seen so far.</summary>
/// <remarks>One map per process: the instrumentation writes to the static <see cref="Trace.SharedMem"/>, so targets run one
/// at a time (the assembly disables test parallelisation).</remarks>
internal sealed unsafe class CoverageMap : IDisposable
{
    public const int Size = 1 << 16;

    /// <summary>Installs the idle map before any instrumented code can run.</summary>
    [System.Runtime.CompilerServices.ModuleInitializer]
    internal static void InstallIdleMap() => Trace.SharedMem = Idle;

    // Instrumented code writes to the map whenever it runs — in test discovery, static initialisers, between runs — so the
    // process always has one: this idle map, swapped for a run's own map while it fuzzes.
    private static readonly byte* Idle = (byte*)NativeMemory.AllocZeroed(Size);

    private readonly byte* _map;
    private readonly byte[] _seen = new byte[Size];

    public CoverageMap()
    {
        _map = (byte*)NativeMemory.AllocZeroed(Size);
        Trace.SharedMem = _map;
    }

    /// <summary>Edges seen at least once so far.</summary>
    public int Edges => Size - _seen.AsSpan().Count((byte)0);

    /// <summary>True when the instrumentation wrote anything since the last <see cref="Reset"/>.</summary>
    public bool Touched => new ReadOnlySpan<byte>(_map, Size).IndexOfAnyExcept((byte)0) >= 0;

    public void Reset()
    {
        new Span<byte>(_map, Size).Clear();
        Trace.PrevLocation = 0;
    }

    /// <summary>Counts the (edge, bucket) pairs of the last run never seen before and records them as seen.</summary>
    public int Merge()
    {
        var map = new ReadOnlySpan<byte>(_map, Size);
        var fresh = 0;
        var at = 0;
        while (at < Size)
        {
            var next = map[at..].IndexOfAnyExcept((byte)0);
            if (next < 0)
            {
                break;
            }

            at += next;
            var bucket = Bucket(map[at]);
            if ((bucket & ~_seen[at]) != 0)
            {
                _seen[at] |= bucket;
                fresh++;
            }

            at++;
        }

        return fresh;
    }

    public void Dispose()
    {
        if (Trace.SharedMem == _map)
        {
            Trace.SharedMem = Idle;
        }

        NativeMemory.Free(_map);
    }

    // AFL's hit-count buckets: 1, 2, 3, 4–7, 8–15, 16–31, 32–127, 128+ — a loop running more often is new behaviour.
    private static byte Bucket(byte count) => count switch
    {
        1 => 1,
        2 => 2,
        3 => 4,
        < 8 => 8,
        < 16 => 16,
        < 32 => 32,
        < 128 => 64,
        _ => 128,
    };
}
