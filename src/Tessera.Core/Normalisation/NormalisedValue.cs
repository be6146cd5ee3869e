using System.Text.Json.Serialization;

namespace Tessera.Core.Normalisation;

/// <summary>The outcome of normalising one raw value: the normalised form, whether it passed its kind's checks, and why not.</summary>
/// <remarks>
/// Normalisers never throw on input: a bad value is a result with <see cref="Valid"/> false and a <see cref="Reason"/>.
/// <see cref="Value"/> is the best cleaned form even when invalid (for one-edit matching), or null when nothing usable is left.
/// Each kind derives its own record that adds the fields it parsed.
/// </remarks>
public abstract record NormalisedValue(
    [property: JsonPropertyOrder(-3)] string? Value,
    [property: JsonPropertyOrder(-2)] bool Valid,
    [property: JsonPropertyOrder(-1)] string? Reason);

/// <summary>What a normaliser needs to know about where a value comes from.</summary>
/// <param name="DefaultRegion">ISO 3166-1 alpha-2 country of the contributing organisation, used for national phone numbers.</param>
/// <param name="Platform">The platform a handle belongs to (telegram, facebook …) when the value does not say it.</param>
/// <param name="Clock">The clock that fixes the century of two-digit years; the system clock when null.</param>
public sealed record NormalisationContext(string? DefaultRegion = null, string? Platform = null, TimeProvider? Clock = null)
{
    /// <summary>A context without region, platform or clock.</summary>
    public static NormalisationContext None { get; } = new();

    /// <summary>Today's date by the context's clock (UTC).</summary>
    public DateOnly Today => DateOnly.FromDateTime((Clock ?? TimeProvider.System).GetUtcNow().UtcDateTime);
}

/// <summary>A normaliser for a kind of value that has no parsed fields beyond the value itself.</summary>
public sealed record PlainValue(string? Value, bool Valid, string? Reason) : NormalisedValue(Value, Valid, Reason);
