using System.Text.RegularExpressions;
using PhoneNumbers;
using Tessera.Core.Normalisation;

namespace Tessera.Core.Ingest.Indicators;

/// <summary>Extracts indicators from free text (online posts, messages, notes) with validators instead of a trained model.</summary>
/// <remarks>
/// Candidates come from patterns validated by libphonenumber and the normalisers, and from the gazetteer; identifiers with a checksum (IBAN, wallets, MRZ)
/// are kept only when it holds. Where candidates overlap, the stronger kind wins (MRZ, IBAN, wallet, e-mail, URL, handle,
/// phone, price, place); a profile link yields both its URL and its handle, a WhatsApp link (wa.me) also its phone. An
/// @name takes the platform named just before it ("Telegram: @name", "تلغرام @name"), else the context's platform.
/// </remarks>
public static partial class IndicatorExtractor
{
    private static readonly PhoneNumberUtil Phones = PhoneNumberUtil.GetInstance();
    private static readonly string[] Priority = ["mrz", "iban", "wallet", "email", "url", "handle", "phone", "price", "place"];

    /// <summary>Every indicator in <paramref name="text"/>, in text order; phones without a country code use the context's region.</summary>
    public static IReadOnlyList<Indicator> Extract(string? text, NormalisationContext? context = null)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        context ??= NormalisationContext.None;
        var candidates = new List<Indicator>();
        candidates.AddRange(MachineReadableZones(text, context));
        candidates.AddRange(Identifiers(text, context));
        candidates.AddRange(PhoneNumbers(text, context.DefaultRegion));
        candidates.AddRange(Prices.Find(text, context.DefaultRegion));
        candidates.AddRange(Gazetteer.Default.Find(text));
        return Resolve(candidates, text.Length);
    }

    private static List<Indicator> Resolve(List<Indicator> candidates, int textLength)
    {
        var accepted = new List<Indicator>(candidates.Count);
        // Which accepted indicator first covered each character: a candidate is checked against those under its own span
        // only, so that a text with many indicators is not checked all against all.
        var owner = new int[textLength];
        Array.Fill(owner, -1);
        foreach (var c in candidates.OrderBy(c => Array.IndexOf(Priority, c.Kind)).ThenByDescending(c => c.Length))
        {
            if (!OverlapsAccepted(owner, accepted, c))
            {
                accepted.Add(c);
                for (var i = c.Start; i < c.End; i++)
                {
                    if (owner[i] < 0)
                    {
                        owner[i] = accepted.Count - 1;
                    }
                }
            }
        }

        accepted.Sort((a, b) => a.Start != b.Start ? a.Start.CompareTo(b.Start) : Array.IndexOf(Priority, a.Kind).CompareTo(Array.IndexOf(Priority, b.Kind)));
        return accepted;
    }

    // True when the candidate shares a character with an accepted indicator that may not share its text.
    private static bool OverlapsAccepted(int[] owner, List<Indicator> accepted, Indicator c)
    {
        var last = -1;
        for (var i = c.Start; i < c.End; i++)
        {
            if (owner[i] >= 0 && owner[i] != last)
            {
                last = owner[i];
                if (!LinkAndHandle(accepted[last], c))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // A link yields its URL, its account and, for a WhatsApp link, its phone number: all three stand on the same span.
    private static bool LinkAndHandle(Indicator a, Indicator b) =>
        (a.Kind, b.Kind) is ("url", "handle") or ("handle", "url")
        || (a.Start == b.Start && a.Length == b.Length && (a.Kind, b.Kind) is ("url", "phone") or ("handle", "phone") or ("phone", "url") or ("phone", "handle"));

    private static IEnumerable<Indicator> Identifiers(string text, NormalisationContext context)
    {
        foreach (Match m in Email().Matches(text))
        {
            var r = EmailNormaliser.Normalise(m.Value);
            if (r.Valid)
            {
                yield return new Indicator("email", m.Index, m.Length, m.Value, r.Value);
            }
        }

        foreach (Match m in Url().Matches(text))
        {
            var raw = m.Value.TrimEnd('.', ',', ';', ':', ')', '!', '?', '»', '"', '\'');
            var r = UrlNormaliser.Normalise(raw);
            if (r.Valid)
            {
                yield return new Indicator("url", m.Index, raw.Length, raw, r.Value);
                var handle = HandleNormaliser.Normalise(raw);
                if (handle is { Valid: true, Platform: not null })
                {
                    yield return new Indicator("handle", m.Index, raw.Length, raw, handle.Value, true, Scope(handle.Platform));
                    if (handle.Platform == "whatsapp" && LinkedPhone(handle.Handle!, m.Index, raw) is { } phone)
                    {
                        yield return phone;
                    }
                }
            }
        }

        foreach (Match m in Handle().Matches(text))
        {
            var r = HandleNormaliser.Normalise(m.Value, PlatformNamedBefore(text, m.Index) ?? context.Platform);
            if (r.Valid)
            {
                yield return new Indicator("handle", m.Index, m.Length, m.Value, r.Value, true, r.Platform is null ? null : Scope(r.Platform));
            }
        }

        foreach (Match m in Iban().Matches(text))
        {
            if (IbanSpan(text, m.Index) is { } span)
            {
                var raw = text.Substring(m.Index, span);
                var r = IbanNormaliser.Normalise(raw);
                if (r.Valid)
                {
                    yield return new Indicator("iban", m.Index, span, raw, r.Value, true, new Dictionary<string, string>(StringComparer.Ordinal) { ["country"] = r.Country! });
                }
            }
        }

        foreach (Match m in Wallet().Matches(text))
        {
            var r = WalletNormaliser.Normalise(m.Value);
            if (r.Valid)
            {
                yield return new Indicator("wallet", m.Index, m.Length, m.Value, r.Value, true,
                    new Dictionary<string, string>(StringComparer.Ordinal) { ["chain"] = r.Chain!, ["type"] = r.AddressType! });
            }
        }
    }

    private static Dictionary<string, string> Scope(string platform) => new(StringComparer.Ordinal) { ["platform"] = platform };

    // An IBAN printed in groups of four: take letters and digits, skipping single spaces, until the country's length is reached.
    private static int? IbanSpan(string text, int start)
    {
        if (IbanNormaliser.LengthOf(text.Substring(start, 2)) is not { } length)
        {
            return null;
        }

        var count = 0;
        var i = start;
        while (i < text.Length && count < length)
        {
            if (char.IsAsciiLetterOrDigit(text[i]))
            {
                count++;
            }
            else if (text[i] != ' ' || i + 1 >= text.Length || !char.IsAsciiLetterOrDigit(text[i + 1]))
            {
                return null;
            }

            i++;
        }

        return count == length && (i == text.Length || !char.IsAsciiLetterOrDigit(text[i])) ? i - start : null;
    }

    [GeneratedRegex(@"(?<![\p{L}\p{N}._%+-])[\p{L}\p{N}._%+-]{1,64}@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}", RegexOptions.CultureInvariant)]
    private static partial Regex Email();

    [GeneratedRegex(@"\b(?:https?://|www\.)[^\s<>""'«»]+|\b(?:t\.me|telegram\.me|wa\.me|instagram\.com|facebook\.com|fb\.com|tiktok\.com|x\.com|twitter\.com|snapchat\.com|youtube\.com)/[^\s<>""'«»]+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"(?<![\p{L}\p{N}_@./])@[A-Za-z0-9_][A-Za-z0-9_.]{1,31}(?<!\.)", RegexOptions.CultureInvariant)]
    private static partial Regex Handle();

    [GeneratedRegex(@"\b[A-Z]{2}[0-9]{2}(?=[A-Z0-9 ]{11,})", RegexOptions.CultureInvariant)]
    private static partial Regex Iban();

    [GeneratedRegex(@"\b(?:(?:bc1|BC1|ltc1)[a-zA-Z0-9]{8,87}|[13LMT][1-9A-HJ-NP-Za-km-z]{25,34}|0x[0-9a-fA-F]{40})\b", RegexOptions.CultureInvariant)]
    private static partial Regex Wallet();
}
