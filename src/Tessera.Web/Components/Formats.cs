using System.Globalization;

namespace Tessera.Web.Components;

/// <summary>How every page writes dates, times and numbers: in the user's culture (British English unless the browser asks
/// for another supported European culture), times in UTC and said so, ISO 8601 where exactness matters.</summary>
/// <remarks>The culture comes from the request localization of <c>TesseraWebHost</c>; en-GB writes 07/12/2026 16:07 UTC,
/// de-DE 07.12.2026 16:07 UTC. Partners in several countries read the same time, so times are never shifted to the server's
/// zone.</remarks>
internal static class Formats
{
    private static CultureInfo Culture => CultureInfo.CurrentCulture;

    /// <summary>A day in the culture's short form with a four-digit year (07/12/2026 in en-GB).</summary>
    public static string Day(DateOnly day) => day.ToString(ShortDate, Culture);

    /// <summary>The UTC day of a moment in the culture's short form.</summary>
    public static string Day(DateTimeOffset time) => Day(DateOnly.FromDateTime(time.UtcDateTime));

    /// <summary>A moment as day, hours and minutes in UTC (07/12/2026 16:07 UTC in en-GB); empty for none.</summary>
    public static string DateTime(DateTimeOffset? time) =>
        time is { } t ? t.UtcDateTime.ToString(ShortDate + " HH':'mm", Culture) + " UTC" : "";

    /// <summary>A moment to the second in ISO 8601, UTC (2026-12-07T16:07:31Z): for the audit trail and anything compared
    /// across systems.</summary>
    public static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A month as the culture writes it (Mar 2023 in en-GB).</summary>
    public static string Month(int year, int month) => new DateOnly(year, month, 1).ToString("MMM yyyy", Culture);

    /// <summary>A whole number with the culture's group separator (12,345 in en-GB, 12.345 in de-DE).</summary>
    public static string Number(long value) => value.ToString("N0", Culture);

    /// <summary>A number with <paramref name="decimals"/> decimals and the culture's separators.</summary>
    public static string Number(double value, int decimals) => value.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), Culture);

    /// <summary>A fraction as a percentage with one decimal (0.968 → 96.8%), signed when <paramref name="signed"/>; "–" for none.</summary>
    public static string Percent(double? fraction, bool signed = false) =>
        fraction is not { } v ? "–" : (signed && v > 0 ? "+" : "") + v.ToString("P1", Culture);

    /// <summary>An identifier or sequence number: digits only, never grouped, the same in every culture.</summary>
    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    // The culture's short date with the day and month on two digits and the year on four, whatever the culture's own
    // pattern does with them (en-US "M/d/yyyy" would give 12/7/2026).
    private static string ShortDate
    {
        get
        {
            var pattern = Culture.DateTimeFormat.ShortDatePattern;
            var result = new System.Text.StringBuilder();
            for (var i = 0; i < pattern.Length; i++)
            {
                var c = pattern[i];
                if (c is 'd' or 'M' or 'y')
                {
                    while (i + 1 < pattern.Length && pattern[i + 1] == c)
                    {
                        i++;
                    }

                    result.Append(c switch { 'd' => "dd", 'M' => "MM", _ => "yyyy" });
                }
                else
                {
                    result.Append(c);
                }
            }

            return result.ToString();
        }
    }
}
