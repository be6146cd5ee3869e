using System.Globalization;
using MudBlazor;

namespace Tessera.Web.Components.CrossCheck;

/// <summary>How the follow-up pages write dates and colour statuses: dates in the European form (dd/MM/yyyy HH:mm, UTC),
/// the same for every partner whatever their browser's locale.</summary>
internal static class FollowUpFormat
{
    public static string Date(DateTimeOffset time) =>
        time.UtcDateTime.ToString("dd'/'MM'/'yyyy HH':'mm", CultureInfo.InvariantCulture) + " UTC";

    public static string Date(DateTimeOffset? time) => time is { } t ? Date(t) : "";

    public static string Day(DateTimeOffset time) => time.UtcDateTime.ToString("dd'/'MM'/'yyyy", CultureInfo.InvariantCulture);

    public static string Percent(double probability) => (probability * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The colour of a hit group's status chip: new stands out, decisions are green or grey.</summary>
    public static Color HitStatusColour(string status) => status switch
    {
        "new" => Color.Info,
        "in-review" => Color.Warning,
        "confirmed" => Color.Success,
        _ => Color.Default,
    };

    /// <summary>The colour of a request's status chip.</summary>
    public static Color RequestStatusColour(string status) => status switch
    {
        "open" => Color.Info,
        "awaiting-approval" => Color.Warning,
        "released" => Color.Success,
        "refused" or "revoked" => Color.Error,
        _ => Color.Default,
    };
}
