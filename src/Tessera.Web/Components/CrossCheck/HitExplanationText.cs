using System.Globalization;
using System.Text.RegularExpressions;

namespace Tessera.Web.Components.CrossCheck;

/// <summary>A hit's explanation line (<see cref="Core.Matching.PairExplanation.Line"/>, or "shares phone …" for an identifier hit)
/// read back as sentences for the people who decide on the match, and as the waterfall of its steps for those who check the engine.</summary>
internal sealed partial record HitExplanationText(IReadOnlyList<string> Sentences, IReadOnlyList<HitExplanationText.Step> Steps)
{
    /// <summary>One step of the waterfall: a comparison (or the prior, or the total) with its level and its weight in bits.</summary>
    public sealed record Step(string Label, string Level, double? Bits, string Detail);

    public static HitExplanationText Of(string? summary)
    {
        if (string.IsNullOrWhiteSpace(summary))
        {
            return new([], []);
        }

        if (summary.StartsWith("shares ", StringComparison.Ordinal))
        {
            var rest = summary["shares ".Length..];
            var space = rest.IndexOf(' ', StringComparison.Ordinal);
            return space < 0
                ? new([$"Both records hold the same {rest}."], [])
                : new([$"Both records hold the same {Words(rest[..space])}: {rest[(space + 1)..]}."], [new Step("shared " + rest[..space], rest[(space + 1)..], null, "")]);
        }

        var start = summary.IndexOf(": prior ", StringComparison.Ordinal);
        var end = summary.LastIndexOf(" = ", StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            return new([summary], []);
        }

        var parts = summary[(start + 2)..end].Split("; ");
        var steps = new List<Step>();
        if (Number(parts[0]["prior ".Length..]) is { } prior)
        {
            steps.Add(new Step("prior", "", prior, ""));
        }

        foreach (var part in parts.Skip(1))
        {
            var m = ComparisonPattern().Match(part);
            if (m.Success)
            {
                steps.Add(new Step(m.Groups["name"].Value, m.Groups["level"].Value, Number(m.Groups["bits"].Value), m.Groups["detail"].Value.Trim()));
            }
        }

        var total = TotalPattern().Match(summary[(end + 3)..]);
        if (total.Success)
        {
            steps.Add(new Step("total", "", Number(total.Groups["bits"].Value), ""));
        }

        return new(Describe(steps, total), steps);
    }

    private static List<string> Describe(List<Step> steps, Match total)
    {
        var compared = steps.Where(s => s.Label is not ("prior" or "total")).ToList();
        var sentences = new List<string>();
        var agree = compared.Where(s => s.Bits > 0).Select(Phrase).ToList();
        var disagree = compared.Where(s => s.Bits < 0).Select(Phrase).ToList();
        var missing = compared.Where(s => s.Bits is null or 0).Select(s => Words(s.Label)).ToList();
        if (agree.Count > 0)
        {
            sentences.Add("Agrees: " + string.Join("; ", agree) + ".");
        }

        if (disagree.Count > 0)
        {
            sentences.Add("Disagrees: " + string.Join("; ", disagree) + ".");
        }

        if (missing.Count > 0)
        {
            sentences.Add("Not compared (missing on one side or neutral): " + string.Join(", ", missing) + ".");
        }

        if (total.Success)
        {
            var p = Number(total.Groups["p"].Value) ?? 0;
            sentences.Add($"Overall the evidence weighs {total.Groups["bits"].Value} bits: {Words(total.Groups["kind"].Value)}, probability {FollowUpFormat.Percent(p)}.");
        }

        return sentences;
    }

    private static string Phrase(Step s)
    {
        var how = s.Level switch
        {
            "exact" => "identical",
            "equivalent" => "equivalent spellings or scripts",
            "fuzzy" => "similar",
            _ => Words(s.Level),
        };
        // Only the pairs of words that differ say something: "mhmd ≈ mohammed", not "ali ≈ ali".
        var tokens = TokenPattern().Matches(s.Detail).Where(t => t.Groups["left"].Value != t.Groups["right"].Value)
            .Select(t => $"{t.Groups["left"].Value} ≈ {t.Groups["right"].Value}").ToList();
        return $"{Words(s.Label)} {how}" + (tokens.Count > 0 ? " (" + string.Join(", ", tokens) + ")" : "");
    }

    /// <summary>"FullName" → "full name", "SamePerson" → "same person", "birthDate" → "birth date".</summary>
    private static string Words(string name) => CamelPattern().Replace(name, " $1").Trim().ToLowerInvariant().Replace('_', ' ');

    private static double? Number(string text) =>
        double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null;

    [GeneratedRegex(@"^(?<name>\S+) (?<level>\S+)(?: (?<bits>[+-][0-9.]+))?(?<detail>.*)$")]
    private static partial Regex ComparisonPattern();

    [GeneratedRegex(@"^(?<bits>[+-][0-9.]+) bits p (?<p>[0-9.]+) (?<kind>\S+)")]
    private static partial Regex TotalPattern();

    [GeneratedRegex(@"\['(?<left>[^']*)'≈'(?<right>[^']*)'")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"(?<=[a-z0-9])([A-Z])")]
    private static partial Regex CamelPattern();
}
