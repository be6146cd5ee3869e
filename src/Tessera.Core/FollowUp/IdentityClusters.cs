namespace Tessera.Core.FollowUp;

/// <summary>Resolved identities: records that confirmed matches (or one exact strong identifier of an object) tie together,
/// as connected components of a union–find. Immutable once built, so one instance serves concurrent readers.</summary>
/// <remarks>Each identity is named by its smallest record id (ordinal), so that the name is stable whatever the order of the
/// decisions.</remarks>
public sealed class IdentityClusters
{
    private readonly Dictionary<string, string> _identity;
    private readonly ILookup<string, string> _members;

    private IdentityClusters(Dictionary<string, string> identity)
    {
        _identity = identity;
        _members = identity.OrderBy(p => p.Key, StringComparer.Ordinal).ToLookup(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }

    /// <summary>Builds the identities from pairs judged the same.</summary>
    public static IdentityClusters Of(IEnumerable<(string Left, string Right)> same)
    {
        var parent = new Dictionary<string, string>(StringComparer.Ordinal);
        string Find(string x)
        {
            while (parent[x] != x)
            {
                parent[x] = parent[parent[x]];
                x = parent[x];
            }

            return x;
        }

        foreach (var (left, right) in same)
        {
            parent.TryAdd(left, left);
            parent.TryAdd(right, right);
            var (a, b) = (Find(left), Find(right));
            if (a != b)
            {
                // The smaller id stays the root, so that it names the identity.
                if (string.CompareOrdinal(a, b) < 0)
                {
                    parent[b] = a;
                }
                else
                {
                    parent[a] = b;
                }
            }
        }

        return new IdentityClusters(parent.Keys.ToDictionary(k => k, Find, StringComparer.Ordinal));
    }

    /// <summary>The identity a record belongs to (the record itself when it is tied to no other).</summary>
    public string IdentityOf(string record) => _identity.GetValueOrDefault(record, record);

    /// <summary>Every record tied to <paramref name="record"/>, itself included, in id order.</summary>
    public IReadOnlyList<string> MembersOf(string record) =>
        _identity.TryGetValue(record, out var identity) ? [.. _members[identity]] : [record];

    /// <summary>How records a user may see are shown together: each record of <paramref name="visible"/> mapped to the one
    /// that stands for its identity, the smallest visible member (ordinal), so that a record the user may not see never
    /// names what they are shown.</summary>
    /// <remarks>A record tied to no other record is left out: it stands for itself. O(n) in the number of visible records.</remarks>
    public IReadOnlyDictionary<string, string> ShownAs(IEnumerable<string> visible)
    {
        var shown = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!Any)
        {
            return shown;
        }

        var smallest = new Dictionary<string, string>(StringComparer.Ordinal);
        var records = visible.Where(_identity.ContainsKey).Distinct(StringComparer.Ordinal).ToList();
        foreach (var record in records)
        {
            var identity = _identity[record];
            if (!smallest.TryGetValue(identity, out var least) || string.CompareOrdinal(record, least) < 0)
            {
                smallest[identity] = record;
            }
        }

        foreach (var record in records)
        {
            shown[record] = smallest[_identity[record]];
        }

        return shown;
    }

    /// <summary>True when at least one record is tied to another.</summary>
    public bool Any => _identity.Count > 0;
}
