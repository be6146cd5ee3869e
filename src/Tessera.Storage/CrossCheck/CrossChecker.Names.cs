using Tessera.Core.Matching;

namespace Tessera.Storage.CrossCheck;

/// <summary>Name search across scripts and spellings, on the resident index.</summary>
public sealed partial class CrossChecker
{
    /// <summary>Stored persons whose name matches <paramref name="name"/> across scripts and spellings (Mohammed / Muhammad /
    /// محمد): same person or review band on the name alone.</summary>
    /// <remarks>Used by search: it is not a systematic check and is not logged as one, and it decides nothing about access —
    /// the caller renders the entities through the access policy.</remarks>
    internal async Task<IReadOnlyList<string>> PersonsNamedAsync(string name, int limit, Func<long, bool> includeContribution, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(name) || !name.Any(char.IsLetter) || name.Any(char.IsDigit))
        {
            return [];
        }

        await Index.CatchUpAsync(ct);
        if (Index.PersonCount == 0)
        {
            return [];
        }

        // The population is what the caller may read: its size sets the prior and its key the model trained on it, so that
        // records outside it change nothing of the answer.
        bool Include(int number) => Index.PersonAt(number) is { } p && includeContribution(p.ContributionId);
        var (population, key) = Index.PopulationOf(includeContribution);
        return Index.Persons.QueryNumbered(new PersonRecord("search") { Name = name.Trim() }, Include, population, key, limit)
            .Select(hit => Index.Person(hit.Id)?.EntityId)
            .OfType<string>()
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }
}
