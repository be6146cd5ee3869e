using System.Globalization;
using System.Text;

namespace Tessera.Core.Matching;

/// <summary>One comparison in a pair's waterfall.</summary>
/// <param name="Level">The level chosen (e.g. "fuzzy>=0.92"), or "null" when a side has no value.</param>
/// <param name="Weight">log2(m/u) of that level, in bits.</param>
/// <param name="TfAdjustment">Term-frequency adjustment in bits (exact levels only).</param>
/// <param name="LinkEvidence">True for phone, e-mail and account: evidence of a link, not of identity.</param>
public sealed record ComparisonExplanation(string Comparison, string Level, double Weight, double TfAdjustment, string? Left, string? Right, bool LinkEvidence, IReadOnlyList<TokenMatch> Tokens, bool Swapped);

/// <summary>The waterfall of a scored pair (Splink's model of explanation): prior, every comparison, total and decision.</summary>
public sealed record PairExplanation(string LeftId, string RightId, double Prior, IReadOnlyList<ComparisonExplanation> Comparisons, double Weight, double IdentityWeight, double Probability, MatchKind Kind, double HitThreshold, double ReviewThreshold)
{
    /// <summary>The comparisons whose values contradict identity: a strong identifier (document, phone, e-mail, account)
    /// that differs, or a birth date more than a year off.</summary>
    public IReadOnlyList<string> Disagreeing { get; init; } = [];

    /// <summary>Both names are common names (Mohammed Ali) and nothing else of the person agrees: at most review.</summary>
    public bool CommonNameAlone { get; init; }

    /// <summary>One human line, e.g. "a ~ b: prior -12.3; GivenName exact +5.1 (tf +1.2) ['jon'≈'john' fuzzy 0.93] … = +8.4 bits p 0.997 SamePerson".</summary>
    public string Line
    {
        get
        {
            var inv = CultureInfo.InvariantCulture;
            var sb = new StringBuilder();
            sb.Append(inv, $"{LeftId} ~ {RightId}: prior {Prior:+0.0;-0.0}");
            foreach (var c in Comparisons)
            {
                sb.Append(inv, $"; {c.Comparison} {c.Level}");
                if (c.Level != "null")
                {
                    sb.Append(inv, $" {c.Weight + c.TfAdjustment:+0.0;-0.0}");
                }

                if (c.TfAdjustment != 0)
                {
                    sb.Append(inv, $" (tf {c.TfAdjustment:+0.0;-0.0})");
                }

                if (c.Swapped)
                {
                    sb.Append(" swapped");
                }

                foreach (var t in c.Tokens)
                {
                    if (t.Reason == TokenReason.None)
                    {
                        sb.Append(inv, $" ['{t.Left}{t.Right}' unmatched]");
                    }
                    else
                    {
                        sb.Append(inv, $" ['{t.Left}'≈'{t.Right}' {t.Reason.ToString().ToLowerInvariant()} {t.Score:0.00}]");
                    }
                }
            }

            sb.Append(inv, $" = {Weight:+0.0;-0.0} bits p {Probability:0.000} {Kind}");
            if (Disagreeing.Count > 0)
            {
                sb.Append("; disagrees: ").Append(string.Join(", ", Disagreeing));
            }

            if (CommonNameAlone)
            {
                sb.Append("; common name alone: at most review");
            }

            return sb.ToString();
        }
    }
}

/// <summary>Builds explanations by recomputing a pair slowly, with the same levels the fast scorer used.</summary>
internal static class Explainer
{
    public static PairExplanation Explain(MatchModel model, FeatureTable a, int i, FeatureTable b, int j)
    {
        var kinds = model.Kinds.ToArray();
        Span<byte> levels = stackalloc byte[kinds.Length];
        Span<int> values = stackalloc int[kinds.Length];
        new PairLevels(kinds).Levels(a, i, b, j, levels, values, out var order);
        var items = new List<ComparisonExplanation>();
        double identity = model.Prior, total = model.Prior;
        var shared = false;
        var corroborated = false;
        var disagreeing = new List<string>();
        for (var c = 0; c < kinds.Length; c++)
        {
            var kind = kinds[c];
            var l = levels[c];
            var tokens = new List<TokenMatch>();
            if (Matching.Comparisons.IsName(kind) && l != Matching.Comparisons.Null)
            {
                NameTokens(kind, order, a, i, b, j, tokens);
            }

            var (left, right) = (Value(kind, a, i), Value(kind, b, j));
            if (l == Matching.Comparisons.Null)
            {
                items.Add(new ComparisonExplanation(kind.ToString(), "null", 0, 0, left, right, Matching.Comparisons.IsLinkEvidence(kind), tokens, false));
                continue;
            }

            corroborated |= Matching.Comparisons.Corroborates(kind, l);
            var w = model.Weight(c, l, levels);
            var tf = model.LevelAdjustment(c, l, values[c]);
            total += w + tf;
            if (Matching.Comparisons.IsLinkEvidence(kind) && l == 0)
            {
                shared = true;
            }
            else
            {
                identity += w + tf;
            }

            if (l == Matching.Comparisons.DisagreeingLevel(kind))
            {
                disagreeing.Add(kind.ToString());
            }

            var isSwapped = order != NameOrder.AsWritten && kind is ComparisonKind.GivenName or ComparisonKind.FamilyName;
            items.Add(new ComparisonExplanation(kind.ToString(), Matching.Comparisons.LevelNames(kind)[l], w, tf, left, right, Matching.Comparisons.IsLinkEvidence(kind), tokens, isSwapped));
        }

        var commonNameAlone = !corroborated && a.CommonName[i] && b.CommonName[j];
        var decision = MatchEngine.Classify(model, total, identity, shared, commonNameAlone);
        return new PairExplanation(a.Ids[i], b.Ids[j], model.Prior, items, total, identity, MatchModel.Probability(total), decision, model.HitThreshold, model.ReviewThreshold)
        {
            Disagreeing = disagreeing,
            CommonNameAlone = commonNameAlone,
        };
    }

    private static void NameTokens(ComparisonKind kind, NameOrder order, FeatureTable a, int i, FeatureTable b, int j, List<TokenMatch> tokens)
    {
        var swapped = order == NameOrder.Swapped;
        if (order == NameOrder.Whole && kind is ComparisonKind.GivenName or ComparisonKind.FamilyName)
        {
            kind = ComparisonKind.FullName;
        }

        switch (kind)
        {
            case ComparisonKind.GivenName:
                var (gs, gl) = swapped ? (b.FamilyStart[j], b.FamilyLength[j]) : (b.GivenStart[j], b.GivenLength[j]);
                NameAlignment.Explain(a, a.GivenStart[i], a.GivenLength[i], b, gs, gl, tokens, out _);
                break;
            case ComparisonKind.FamilyName:
                var (fs, fl) = swapped ? (b.GivenStart[j], b.GivenLength[j]) : (b.FamilyStart[j], b.FamilyLength[j]);
                NameAlignment.Explain(a, a.FamilyStart[i], a.FamilyLength[i], b, fs, fl, tokens, out _);
                break;
            default:
                NameAlignment.Explain(a, a.FullStart[i], a.FullLength[i], b, b.FullStart[j], b.FullLength[j], tokens, out _);
                break;
        }
    }

    private static string? Value(ComparisonKind kind, FeatureTable t, int i)
    {
        switch (kind)
        {
            case ComparisonKind.FullName or ComparisonKind.GivenName or ComparisonKind.FamilyName:
                return t.Names[i].ToString();
            case ComparisonKind.BirthDate:
                return t.BirthDate[i] < 0 ? null : t.BirthDate[i].ToString("00000000", CultureInfo.InvariantCulture);
            default:
                var slot = FeatureTable.IdentifierSlot(kind);
                if (slot >= 0)
                {
                    var col = t.Identifiers[slot];
                    return col.Length[i] == 0 ? null : string.Join('|', Enumerable.Range(col.Start[i], col.Length[i]).Select(k => t.Vocab.Text(col.Values[k])));
                }

                var v = t.Field(kind)[i];
                return v < 0 ? null : t.Vocab.Text(v);
        }
    }
}
