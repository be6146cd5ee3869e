using Dapper;
using Tessera.Core.Normalisation;

namespace Tessera.Storage.Contributions;

/// <summary>Search for a phone number in any written form.</summary>
public sealed partial class ContributionStore
{
    /// <summary>The stored forms a query written as a phone number stands for: its E.164 form when it is international
    /// (<c>+218 …</c>, <c>00218…</c>), else its E.164 form in the region of each organisation that may hold it.</summary>
    /// <remarks>Imports read national numbers in the provider's region (its organisation's country), so "091 234 5678"
    /// means +218 91 234 5678 in Libyan data and something else, or nothing, in Italian data; a national form therefore
    /// only matches the records of organisations of the region it was read in. Empty when the text is no phone number.</remarks>
    internal static IReadOnlyList<(string Number, string? Region)> PhoneForms(string text, IEnumerable<string?> regions)
    {
        var digits = text.Count(char.IsAsciiDigit);
        if (digits < 6 || text.Any(c => char.IsLetter(c)))
        {
            return [];
        }

        if (PhoneNumberNormaliser.Normalise(text, null) is { Valid: true, Value: { } international })
        {
            return [(international, null)];
        }

        var forms = new List<(string, string?)>();
        foreach (var region in regions.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (PhoneNumberNormaliser.Normalise(text, region) is { Valid: true, Value: { } national })
            {
                forms.Add((national, region));
            }
        }

        return forms;
    }

    /// <summary>Ids of readable entities holding the query as a phone number, in any written form.</summary>
    private async Task<IReadOnlyList<string>> PhonesMatchingAsync(string text, DisclosureScope scope, int take, CancellationToken ct)
    {
        var organisations = await _store.Directory.OrganisationsAsync(ct);
        var forms = PhoneForms(text, organisations.Select(o => o.PhoneRegion));
        if (forms.Count == 0 || scope.Allowed.Count == 0)
        {
            return [];
        }

        var ids = new List<string>();
        await using var connection = await _store.ConnectAsync(ct);
        foreach (var (number, region) in forms)
        {
            var providers = region is null
                ? organisations.Select(o => o.Code).ToArray()
                : organisations.Where(o => o.PhoneRegion == region).Select(o => o.Code).ToArray();
            foreach (var chunk in scope.Allowed.Order().Chunk(5_000))
            {
                ids.AddRange(await connection.QueryAsync<string>(
                    "SELECT DISTINCT s.entity_id FROM statements s JOIN contributions c ON c.id = s.contribution_id WHERE "
                    + _store.In("s.contribution_id", "chunk") + " AND " + _store.In("c.organisation", "providers")
                    + " AND s.normalised = @number ORDER BY s.entity_id LIMIT @take",
                    new { chunk, providers, number, take }));
            }
        }

        return ids;
    }
}
