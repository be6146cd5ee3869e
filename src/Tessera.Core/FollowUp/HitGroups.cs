using System.Text.Json;

namespace Tessera.Core.FollowUp;

/// <summary>Which hits are one piece of work: hits between the same two records, or between the same two organisations on
/// the same shared identifier (one phone on seven Calls is one hit group, not seven rows).</summary>
public static class HitGroups
{
    /// <summary>The group of a hit.</summary>
    /// <param name="kind">The hit kind (identifier hits group by the shared value).</param>
    /// <param name="explanation">The hit's structured explanation; for an identifier hit <c>{"shared": kind, "value": value}</c>.</param>
    public static string KeyOf(string kind, string newEntity, string existingEntity, string newOrganisation, string existingOrganisation, string explanation)
    {
        if (kind == "identifier" && Shared(explanation) is { } shared)
        {
            var (a, b) = Order(newOrganisation, existingOrganisation);
            return $"identifier|{a}|{b}|{shared}";
        }

        var (x, y) = Order(newEntity, existingEntity);
        return $"pair|{x}|{y}";
    }

    private static (string, string) Order(string a, string b) => string.CompareOrdinal(a, b) <= 0 ? (a, b) : (b, a);

    private static string? Shared(string explanation)
    {
        try
        {
            using var doc = JsonDocument.Parse(explanation);
            return doc.RootElement.TryGetProperty("shared", out var kind) && doc.RootElement.TryGetProperty("value", out var value)
                ? kind.GetString() + ":" + value.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
