namespace Tessera.Core.Model;

/// <summary>One value of one property of an entity: the original as provided, and its normalised form.</summary>
/// <param name="Property">The property name, valid for the entity's schema.</param>
/// <param name="Value">The value exactly as the provider wrote it.</param>
/// <param name="Normalised">The normalised value used for matching and analysis; null when the type has none.</param>
/// <param name="Valid">False when the value failed its normaliser's check; the value is kept, never dropped.</param>
/// <param name="Reason">Why the value is invalid, when it is.</param>
public sealed record PropertyValue(string Property, string Value, string? Normalised = null, bool Valid = true, string? Reason = null);

/// <summary>An entity as provided in one contribution: an id, a schema, and its values.</summary>
/// <remarks>The same entity id may appear in several contributions; each contribution's statements keep their provenance.</remarks>
public sealed record Entity(string Id, string Schema, IReadOnlyList<PropertyValue> Values)
{
    /// <summary>Who the entity is about when its own rows say so (a mapping's <c>subject</c>); null when the contribution's
    /// category applies.</summary>
    public SubjectCategory? Subject { get; init; }

    /// <summary>Values of one property, in the order provided.</summary>
    public IEnumerable<PropertyValue> Get(string property) => Values.Where(v => v.Property == property);

    /// <summary>The first value of a property, or null.</summary>
    public string? First(string property) => Values.FirstOrDefault(v => v.Property == property)?.Value;

    /// <summary>A display caption: the first name-like value, else the id.</summary>
    public string Caption =>
        First("name") ?? JoinNames() ?? First("number") ?? First("iban") ?? First("publicKey") ?? First("username")
        ?? First("registrationNumber") ?? First("imoNumber") ?? First("full") ?? First("title") ?? Id;

    private string? JoinNames()
    {
        var parts = new[] { First("firstName"), First("lastName") }.Where(p => p is not null).ToList();
        return parts.Count == 0 ? null : string.Join(' ', parts);
    }
}
