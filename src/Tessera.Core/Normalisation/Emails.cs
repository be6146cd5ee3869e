using System.Globalization;
using System.Text.RegularExpressions;

namespace Tessera.Core.Normalisation;

/// <summary>An e-mail address in lower case with an ASCII (punycode) domain, and a provider-aware secondary key.</summary>
/// <param name="CanonicalKey">Secondary matching key: "+tag" removed, and dots removed for Gmail, which ignores them.</param>
public sealed record EmailResult(string? Value, bool Valid, string? Reason, string? Local = null, string? Domain = null, string? CanonicalKey = null)
    : NormalisedValue(Value, Valid, Reason);

/// <summary>Normalises e-mail addresses (RFC 5322 addr-spec, dot-atom form; internationalised domains via IDNA).</summary>
public static partial class EmailNormaliser
{
    private static readonly IdnMapping Idn = new();

    /// <summary>Accepts "a@b.c", "mailto:a@b.c" and "Name &lt;a@b.c&gt;"; lower-cases the whole address.</summary>
    public static EmailResult Normalise(string? raw)
    {
        var text = (raw ?? "").Trim();
        if (text.Length == 0)
        {
            return new EmailResult(null, false, "empty");
        }

        if (text.Length > 320)
        {
            return new EmailResult(null, false, "longer than 320 characters (RFC 5321)");
        }

        var lt = text.LastIndexOf('<');
        if (lt >= 0 && text.EndsWith('>'))
        {
            text = text[(lt + 1)..^1].Trim();
        }

        if (text.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            text = text[7..];
        }

        var at = text.LastIndexOf('@');
        if (at <= 0 || at == text.Length - 1)
        {
            return new EmailResult(text.ToLowerInvariant(), false, "no local part and domain around '@'");
        }

        var local = text[..at].ToLowerInvariant();
        var domainRaw = text[(at + 1)..].TrimEnd('.').ToLowerInvariant();
        string domain;
        try
        {
            domain = Idn.GetAscii(domainRaw);
        }
        catch (ArgumentException)
        {
            return new EmailResult(local + "@" + domainRaw, false, "the domain is not a valid host name", local, domainRaw);
        }

        var value = local + "@" + domain;
        if (local.Length > 64 || !LocalPart().IsMatch(local))
        {
            return new EmailResult(value, false, "the local part is not a valid dot-atom", local, domain);
        }

        if (!Domain().IsMatch(domain))
        {
            return new EmailResult(value, false, "the domain is not a valid host name with a top-level domain", local, domain);
        }

        return new EmailResult(value, true, null, local, domain, Canonical(local, domain));
    }

    private static string Canonical(string local, string domain)
    {
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        var user = plus > 0 ? local[..plus] : local;
        if (domain is "gmail.com" or "googlemail.com")
        {
            return user.Replace(".", "", StringComparison.Ordinal) + "@gmail.com";
        }

        return user + "@" + domain;
    }

    // RFC 5322 §3.2.3 atext, dot-separated, no leading, trailing or double dot; non-ASCII letters allowed (RFC 6531).
    [GeneratedRegex(@"^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex LocalPart();

    [GeneratedRegex(@"^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+(xn--[a-z0-9-]{1,59}|[a-z]{2,63})$", RegexOptions.CultureInvariant)]
    private static partial Regex Domain();
}
