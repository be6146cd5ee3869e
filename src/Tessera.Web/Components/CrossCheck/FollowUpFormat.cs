using MudBlazor;

namespace Tessera.Web.Components.CrossCheck;

/// <summary>How the follow-up pages write dates and colour statuses: dates and numbers through <see cref="Formats"/>
/// (dd/MM/yyyy HH:mm UTC in en-GB), the same moment for every partner.</summary>
internal static class FollowUpFormat
{
    public static string Date(DateTimeOffset time) => Formats.DateTime(time);

    public static string Date(DateTimeOffset? time) => Formats.DateTime(time);

    public static string Day(DateTimeOffset time) => Formats.Day(time);

    public static string Percent(double probability) => Formats.Percent(probability);

    public static string Id(long id) => Formats.Id(id);

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
