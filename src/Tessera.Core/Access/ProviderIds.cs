namespace Tessera.Core.Access;

/// <summary>Entity ids in the provider's namespace: <c>ORG:local-id</c>.</summary>
/// <remarks>Nobody writes into another organisation's record (docs/design.md, "Access"): every id a contribution
/// brings, and every reference between its entities, is qualified with the contributing organisation before it is
/// stored. Two providers using the same local id hold two records; an id already qualified with the provider's own
/// code is kept, so that re-importing one's own export changes nothing.</remarks>
public static class ProviderIds
{
    /// <summary>Separates the provider's code from its local id.</summary>
    public const char Separator = ':';

    /// <summary>The id <paramref name="localId"/> of <paramref name="organisation"/> in the platform's namespace.</summary>
    public static string Qualify(string organisation, string localId)
    {
        ArgumentException.ThrowIfNullOrEmpty(organisation);
        ArgumentNullException.ThrowIfNull(localId);
        return Local(organisation, localId).Length != localId.Length ? localId : organisation + Separator + localId;
    }

    /// <summary>The organisation whose namespace holds <paramref name="id"/>, or null when it is not qualified.</summary>
    public static string? ProviderOf(string id)
    {
        var at = id.IndexOf(Separator, StringComparison.Ordinal);
        return at > 0 ? id[..at] : null;
    }

    /// <summary>The local id of <paramref name="id"/> when it is in <paramref name="organisation"/>'s namespace; else the id as it is.</summary>
    public static string Local(string organisation, string id) =>
        id.Length > organisation.Length && id[organisation.Length] == Separator && id.StartsWith(organisation, StringComparison.Ordinal)
            ? id[(organisation.Length + 1)..]
            : id;
}
