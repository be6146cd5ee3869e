using System.Text;

namespace Tessera.Core.Normalisation;

/// <summary>A web address in canonical form: lower-case scheme and ASCII host, no default port, fragment or tracking parameters.</summary>
public sealed record UrlResult(string? Value, bool Valid, string? Reason, string? Scheme = null, string? Host = null, string? Path = null)
    : NormalisedValue(Value, Valid, Reason);

/// <summary>Normalises URLs so that the same page written differently gives one value.</summary>
public static class UrlNormaliser
{
    private static readonly string[] TrackingPrefixes = ["utm_", "fbclid", "gclid", "igshid", "si", "mc_", "ref_src"];

    /// <summary>Adds https:// to bare host names, lower-cases scheme and host (IDNA), drops fragment and tracking parameters.</summary>
    public static UrlResult Normalise(string? raw)
    {
        var text = (raw ?? "").Trim().TrimEnd('.', ',', ';', ')', '!', '?');
        if (text.Length == 0)
        {
            return new UrlResult(null, false, "empty");
        }

        if (text.Length > 2048)
        {
            return new UrlResult(null, false, "longer than 2048 characters");
        }

        if (!text.Contains("://", StringComparison.Ordinal))
        {
            text = "https://" + text;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri))
        {
            return new UrlResult(null, false, "not a URL");
        }

        if (uri.Scheme is not ("http" or "https" or "ftp"))
        {
            return new UrlResult(null, false, $"scheme '{uri.Scheme}' is not a web address", uri.Scheme);
        }

        string host;
        try
        {
            host = uri.IdnHost.ToLowerInvariant();
        }
        catch (UriFormatException)
        {
            return new UrlResult(null, false, "the host is not a valid name", uri.Scheme);
        }

        if (host.StartsWith("www.", StringComparison.Ordinal))
        {
            host = host[4..];
        }

        var path = uri.AbsolutePath;
        var query = CleanQuery(uri.Query);
        var sb = new StringBuilder(uri.Scheme.Length + host.Length + path.Length + query.Length + 8);
        sb.Append(uri.Scheme).Append("://").Append(host);
        if (!uri.IsDefaultPort)
        {
            sb.Append(':').Append(uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        sb.Append(path.Length > 1 ? path.TrimEnd('/') : "").Append(query);
        var value = sb.ToString();
        var hostOk = host.Contains('.', StringComparison.Ordinal) && !host.EndsWith('.') && !host.StartsWith('.');
        return hostOk
            ? new UrlResult(value, true, null, uri.Scheme, host, path)
            : new UrlResult(value, false, "the host has no domain", uri.Scheme, host, path);
    }

    private static string CleanQuery(string query)
    {
        if (query.Length <= 1)
        {
            return "";
        }

        var kept = query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Where(p => !TrackingPrefixes.Any(t => p.StartsWith(t, StringComparison.OrdinalIgnoreCase) && (t.EndsWith('_') || p.Length == t.Length || p[t.Length] == '=')))
            .ToArray();
        return kept.Length == 0 ? "" : "?" + string.Join('&', kept);
    }
}
