using Tessera.Core.Access;
using Tessera.Core.Model;
using Tessera.Storage.Contributions;

namespace Tessera.Web.Components.Search;

/// <summary>One search result as the table shows it: what tells it apart from a namesake (birth date, nationality,
/// identifiers, provider, handling), what it is linked to, and why it matched.</summary>
public sealed record SearchRow(
    EntityView View,
    string Caption,
    IReadOnlyList<string> Details,
    IReadOnlyList<LinkedRecord> Linked,
    string Providers,
    string Handling,
    string Why)
{
    private static readonly string[] DetailProperties =
        ["birthDate", "nationality", "country", "passportNumber", "idNumber", "number", "phone", "email", "iban", "imoNumber", "registrationNumber", "date"];

    /// <summary>The row of <paramref name="view"/>, found by <paramref name="query"/>.</summary>
    /// <param name="regions">Each organisation's phone region, in which its national numbers are read.</param>
    public static SearchRow Of(EntityView view, string query, IReadOnlyList<LinkedRecord> linked, IReadOnlyDictionary<string, string?> regions)
    {
        var entity = view.ToEntity();
        var details = DetailProperties
            .SelectMany(p => entity.Get(p).Select(v => Label(p) + " " + v.Value))
            .Distinct(StringComparer.Ordinal)
            .Take(6)
            .ToList();
        var providers = string.Join(", ", view.Statements
            .Select(s => s.Contribution)
            .DistinctBy(c => c.Id)
            .Select(c => c.Organisation + (c.CaseId is null ? "" : " · case " + c.CaseId) + " · " + Formats.Day(c.Created)));
        var handling = string.Join(", ", view.Statements.Select(s => s.Contribution.Handling.ToString()).Distinct(StringComparer.Ordinal));
        return new SearchRow(view, entity.Caption, details, linked.Where(l => l.From == view.Id).ToList(), providers, handling, Reason(view, query, regions));
    }

    /// <summary>Which value made the record match: a value containing the text, the same phone number in another form, or
    /// (for persons) the name in another script or spelling.</summary>
    public static string Reason(EntityView view, string query, IReadOnlyDictionary<string, string?> regions)
    {
        var text = query.Trim();
        foreach (var s in view.Statements)
        {
            if (s.Statement.Value.Contains(text, StringComparison.OrdinalIgnoreCase)
                || (s.Statement.Normalised?.Contains(text, StringComparison.OrdinalIgnoreCase) ?? false))
            {
                return Label(s.Statement.Property) + " contains “" + text + "”";
            }
        }

        var phones = ContributionStore.PhoneForms(text, view.Statements.Select(s => regions.GetValueOrDefault(s.Contribution.Organisation)))
            .Select(f => f.Number)
            .ToHashSet(StringComparer.Ordinal);
        if (view.Statements.FirstOrDefault(s => s.Statement.Normalised is { } n && phones.Contains(n)) is { } phone)
        {
            return Label(phone.Statement.Property) + " is the same number (" + phone.Statement.Normalised + ")";
        }

        return view.Schema == "Person" ? "name in another script or spelling" : "same resolved identity";
    }

    private static string Label(string property) => property switch
    {
        "birthDate" => "born",
        "nationality" => "nationality",
        "passportNumber" => "passport",
        "idNumber" => "ID",
        "number" => "number",
        "imoNumber" => "IMO",
        "registrationNumber" => "registration",
        _ => property,
    };
}
