using System.Collections.Concurrent;
using Tessera.Core.Model;

namespace Tessera.Core.Ingest.Mapping;

/// <summary>The normalised values of one mapped property within one import, by raw text: names, countries, dates, places
/// and phones repeat across rows, and each distinct raw value is normalised once.</summary>
/// <remarks>Safe for concurrent use. Bounded to <see cref="Capacity"/> values; past that, values not cached are normalised
/// each time. The cache changes no result: the normaliser is pure, and a value normalised twice is equal both times.</remarks>
internal sealed class ValueCache(SchemaProperty property, Func<SchemaProperty, string, PropertyValue> normalise)
{
    /// <summary>Distinct raw values kept per property (a few MB at most).</summary>
    public const int Capacity = 1 << 15;

    private readonly ConcurrentDictionary<string, PropertyValue> _values = new(StringComparer.Ordinal);
    private int _count;

    public PropertyValue Normalise(string raw)
    {
        if (_values.TryGetValue(raw, out var known))
        {
            return known;
        }

        var value = normalise(property, raw);
        // ConcurrentDictionary.Count takes every lock: count insertions ourselves.
        if (Volatile.Read(ref _count) < Capacity && _values.TryAdd(raw, value))
        {
            Interlocked.Increment(ref _count);
        }

        return value;
    }
}
