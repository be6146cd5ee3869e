namespace Tessera.Core.Model;

/// <summary>Reading and judging data-subject categories (<see cref="SubjectCategory"/>).</summary>
public static class SubjectCategories
{
    /// <summary>The categories as written in files and on the command line.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["suspect", "contact", "victim", "witness", "informant", "other", "smuggled-migrant"];

    /// <summary>Reads a category as written: any case, with or without a hyphen, space or underscore
    /// (<c>smuggled-migrant</c>, <c>Smuggled migrant</c>, <c>SMUGGLED_MIGRANT</c>).</summary>
    public static bool TryParse(string? text, out SubjectCategory category)
    {
        category = SubjectCategory.Other;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var compact = new string([.. text.Trim().Where(c => c is not ('-' or ' ' or '_'))]);
        return compact.All(char.IsAsciiLetter) && Enum.TryParse(compact, ignoreCase: true, out category) && Enum.IsDefined(category);
    }

    /// <summary>Reads a category, or fails naming the field and the categories there are.</summary>
    /// <exception cref="ModelException">Not a category.</exception>
    public static SubjectCategory Parse(string text, string field) =>
        TryParse(text, out var category)
            ? category
            : throw new ModelException($"'{text}' is not one of {string.Join(", ", Names)}", field: field);

    /// <summary>The category as written in files and notices: <c>smuggled-migrant</c>, <c>victim</c> …</summary>
    public static string Name(this SubjectCategory category) =>
        category == SubjectCategory.SmuggledMigrant ? "smuggled-migrant" : category.ToString().ToLowerInvariant();

    /// <summary>True for people a smuggling network exploits (victims, smuggled migrants): they are never ranked as
    /// high-value targets, whatever their place in the network.</summary>
    /// <remarks>UN Smuggling of Migrants Protocol Art. 5: migrants are not liable to prosecution for having been smuggled;
    /// Directive 2011/36/EU Art. 8 for victims of trafficking.</remarks>
    public static bool IsNeverRanked(this SubjectCategory category) =>
        category is SubjectCategory.Victim or SubjectCategory.SmuggledMigrant;
}
