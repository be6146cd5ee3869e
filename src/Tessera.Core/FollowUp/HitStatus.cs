namespace Tessera.Core.FollowUp;

/// <summary>Where an organisation stands with a hit group: new → in review → confirmed | rejected → closed.</summary>
public enum HitStatus
{
    New,
    InReview,
    Confirmed,
    Rejected,
    Closed,
}

/// <summary>The names of hit statuses on the command line, in the API and in URLs (<c>in-review</c>), and the allowed steps.</summary>
public static class HitStatuses
{
    public static string Name(this HitStatus status) => status switch
    {
        HitStatus.New => "new",
        HitStatus.InReview => "in-review",
        HitStatus.Confirmed => "confirmed",
        HitStatus.Rejected => "rejected",
        _ => "closed",
    };

    public static bool TryParse(string? text, out HitStatus status)
    {
        foreach (var s in Enum.GetValues<HitStatus>())
        {
            if (string.Equals(s.Name(), text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                status = s;
                return true;
            }
        }

        status = HitStatus.New;
        return false;
    }

    /// <exception cref="Model.ModelException">Not one of new, in-review, confirmed, rejected, closed.</exception>
    public static HitStatus Parse(string? text, string field = "status") => TryParse(text, out var s)
        ? s
        : throw new Model.ModelException($"unknown status '{text}': one of {string.Join(", ", Enum.GetValues<HitStatus>().Select(Name))}", field: field);

    /// <summary>True when a hit group may go from <paramref name="from"/> to <paramref name="to"/>: any open status moves
    /// forward or back to review; a closed group only reopens into review; confirming and rejecting are match decisions and
    /// may be reversed by the opposite decision (a confirmed identity can be split again).</summary>
    public static bool MayMove(HitStatus from, HitStatus to) => from != to && (from, to) switch
    {
        (HitStatus.Closed, HitStatus.InReview) => true,
        (HitStatus.Closed, _) => false,
        (_, HitStatus.New) => false,
        _ => true,
    };
}
