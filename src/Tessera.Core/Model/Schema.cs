namespace Tessera.Core.Model;

/// <summary>A property of a schema: its name, its type and, for identifiers, the format that picks the normaliser.</summary>
/// <param name="Name">The FollowTheMoney property name, e.g. <c>birthDate</c>.</param>
/// <param name="Type">The property type name, one of the types in <c>schemata.json</c>.</param>
/// <param name="Format">For <c>identifier</c> properties, the identifier kind (document, imo, plate …); otherwise null.</param>
/// <param name="Range">For <c>entity</c> properties, the schema the referenced entity must have.</param>
public sealed record SchemaProperty(string Name, string Type, string? Format, string? Range)
{
    /// <summary>The key under which the normaliser for this property is registered: the format if set, else the type.</summary>
    public string NormaliserKey => Format ?? Type;

    /// <summary>True for references to other entities.</summary>
    public bool IsEntityReference => Type == PropertyTypes.Entity;
}

/// <summary>For relationship schemata (Payment, Call …): which properties hold the two ends.</summary>
public sealed record EdgeSpec(string Source, string Target, bool Directed, string Label);

/// <summary>A schema (Person, Vessel, Payment …) with its own and inherited properties.</summary>
public sealed class Schema
{

    internal Schema(string name, bool isAbstract, IReadOnlyList<string> extends, EdgeSpec? edge,
        IReadOnlyDictionary<string, SchemaProperty> properties, HashSet<string> ancestors)
    {
        Name = name;
        IsAbstract = isAbstract;
        Extends = extends;
        Edge = edge;
        Properties = properties;
        Ancestors = ancestors;
    }

    public string Name { get; }

    public bool IsAbstract { get; }

    public IReadOnlyList<string> Extends { get; }

    /// <summary>Set for relationship schemata, whose entities become edges of the network.</summary>
    public EdgeSpec? Edge { get; }

    /// <summary>Own and inherited properties by name.</summary>
    public IReadOnlyDictionary<string, SchemaProperty> Properties { get; }

    /// <summary>Every schema this one descends from.</summary>
    public IReadOnlySet<string> Ancestors { get; }

    /// <summary>True when this schema is <paramref name="other"/> or descends from it.</summary>
    public bool IsA(string other) => Name == other || Ancestors.Contains(other);

    public override string ToString() => Name;
}

/// <summary>The names of the property types of the model.</summary>
public static class PropertyTypes
{
    public const string Name = "name";
    public const string Date = "date";
    public const string Country = "country";
    public const string Phone = "phone";
    public const string Email = "email";
    public const string Iban = "iban";
    public const string Identifier = "identifier";
    public const string Url = "url";
    public const string Number = "number";
    public const string Amount = "amount";
    public const string Text = "text";
    public const string Entity = "entity";
}
