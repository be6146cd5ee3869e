using System.Globalization;
using System.Security.Cryptography;
using Tessera.Core.Model;

namespace Tessera.Core.Ingest;

/// <summary>What a provider states about a contribution when submitting it (from the command line, the API or a form).</summary>
/// <param name="Handling">Handling codes as written, e.g. "H0,H2".</param>
/// <param name="H3Text">The provider's restriction, required with H3.</param>
/// <param name="Transfers">Third countries or international organisations the data may be transferred to, each with its
/// legal basis: <c>RS-MUP=agreement with Serbia 2023;UNODC=derogation Art. 25(5)</c> (Europol Regulation Art. 25).</param>
public sealed record ContributionRequest(
    string Organisation,
    string? CaseId,
    string Handling = "H0",
    string? H3Text = null,
    string Reliability = "B",
    int Accuracy = 2,
    string SubjectCategory = "suspect",
    string Purpose = "prevent and combat migrant smuggling",
    DateOnly? ReviewDate = null,
    string Kind = "case-data",
    string? Transfers = null)
{
    /// <summary>Validates the request and turns it into a contribution for content <paramref name="contentHash"/>.</summary>
    /// <exception cref="ModelException">A field is invalid; the message names it.</exception>
    public Contribution ToContribution(string source, string contentHash, string createdBy, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(Organisation))
        {
            throw new ModelException("the providing organisation is missing", field: "org");
        }

        if (Accuracy is < 1 or > 4)
        {
            throw new ModelException("information accuracy must be 1, 2, 3 or 4", field: "accuracy");
        }

        var review = ReviewDate ?? DateOnly.FromDateTime(now.UtcDateTime.Add(Contribution.DefaultRetention));
        var transfers = ParseTransfers(Transfers);
        return new Contribution(0, Organisation, string.IsNullOrWhiteSpace(CaseId) ? null : CaseId, HandlingCodes.Parse(Handling, H3Text),
            ParseEnum<SourceReliability>(Reliability, "reliability"), Accuracy, SubjectCategories.Parse(SubjectCategory, "subject"), Purpose,
            now, review, ParseEnum<ContributionKind>(Kind.Replace("-", "", StringComparison.Ordinal), "kind"), source, contentHash, createdBy)
        {
            Transfers = transfers,
        };
    }

    /// <summary>Parses <c>ORG=legal basis</c> entries separated by semicolons; every entry needs both parts.</summary>
    private static IReadOnlyDictionary<string, string> ParseTransfers(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return Contribution.NoTransfers;
        }

        var transfers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var at = entry.IndexOf('=', StringComparison.Ordinal);
            var (organisation, basis) = at < 0 ? (entry, "") : (entry[..at].Trim(), entry[(at + 1)..].Trim());
            if (organisation.Length == 0 || basis.Length == 0)
            {
                throw new ModelException($"'{entry}' is not ORG=legal basis: a transfer names the organisation and its legal basis (Europol Regulation Art. 25)", field: "transfer");
            }

            transfers[organisation] = basis;
        }

        return transfers;
    }

    /// <summary>SHA-256 of the content and of what decides where it goes (case, kind): the same file to the same case adds nothing.</summary>
    public string HashOf(ReadOnlySpan<byte> content)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(content);
        sha.AppendData(System.Text.Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"\u001f{CaseId}\u001f{Kind}")));
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    }

    private static T ParseEnum<T>(string text, string field)
        where T : struct, Enum =>
        Enum.TryParse<T>(text, ignoreCase: true, out var value) && Enum.IsDefined(value)
            ? value
            : throw new ModelException($"'{text}' is not one of {string.Join(", ", Enum.GetNames<T>()).ToLowerInvariant()}", field: field);
}
