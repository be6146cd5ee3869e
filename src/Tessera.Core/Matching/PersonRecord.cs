namespace Tessera.Core.Matching;

/// <summary>A person as the matcher sees it: name parts, aliases, birth data, and strong identifiers.</summary>
/// <remarks>Values are raw; the matcher normalises them once per record when it builds its feature table.</remarks>
public sealed record PersonRecord(string Id)
{
    public string? Name { get; init; }
    public string? FirstName { get; init; }
    public string? MiddleName { get; init; }
    public string? LastName { get; init; }
    public string? FatherName { get; init; }
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public string? BirthDate { get; init; }
    public string? BirthPlace { get; init; }
    public string? Nationality { get; init; }
    public string? Gender { get; init; }
    public IReadOnlyList<string> IdNumbers { get; init; } = [];
    public IReadOnlyList<string> PassportNumbers { get; init; } = [];
    public IReadOnlyList<string> Phones { get; init; } = [];
    public IReadOnlyList<string> Emails { get; init; } = [];
    public IReadOnlyList<string> Ibans { get; init; } = [];
    public string? Street { get; init; }
    public string? Street2 { get; init; }
    public string? City { get; init; }
    public string? PostalCode { get; init; }
    public string? Region { get; init; }
    public string? Country { get; init; }

    /// <summary>True when the name is given as parts (first/last) rather than as one string.</summary>
    public bool HasNameParts => !string.IsNullOrWhiteSpace(FirstName) || !string.IsNullOrWhiteSpace(LastName);
}
