namespace Tessera.Core.FollowUp;

/// <summary>When the owner of a record must answer a request for it.</summary>
/// <remarks>
/// <list type="bullet">
/// <item>Prüm II, Regulation (EU) 2024/982 Art. 47(1): once the requesting side has manually confirmed a match, the requested
/// side returns the core data within 48 hours (Art. 47(2): longer only where national law needs a judicial authorisation).</item>
/// <item>Directive (EU) 2023/977 Art. 5(1): 8 hours for urgent requests for directly accessible information, 3 calendar
/// days for other urgent requests, 7 calendar days for all other requests, counted from receipt.</item>
/// </list>
/// Directly accessible here means data the provider holds under H0/H1 (no permission needed to pass it on); H2/H3 data needs
/// the provider's permission and is reached only indirectly. Where several rules apply the earliest deadline holds.
/// </remarks>
public static class Deadlines
{
    public static readonly TimeSpan ConfirmedMatch = TimeSpan.FromHours(48);
    public static readonly TimeSpan UrgentDirect = TimeSpan.FromHours(8);
    public static readonly TimeSpan UrgentIndirect = TimeSpan.FromDays(3);
    public static readonly TimeSpan Other = TimeSpan.FromDays(7);

    /// <summary>The deadline of a request received at <paramref name="received"/>.</summary>
    public static DateTimeOffset Due(DateTimeOffset received, bool urgent, bool directlyAccessible, bool matchConfirmed)
    {
        var span = urgent ? (directlyAccessible ? UrgentDirect : UrgentIndirect) : Other;
        if (matchConfirmed && ConfirmedMatch < span)
        {
            span = ConfirmedMatch;
        }

        return received + span;
    }

    /// <summary>Which rule set the deadline, for the people who have to meet it.</summary>
    public static string Rule(bool urgent, bool directlyAccessible, bool matchConfirmed)
    {
        var span = urgent ? (directlyAccessible ? UrgentDirect : UrgentIndirect) : Other;
        if (matchConfirmed && ConfirmedMatch < span)
        {
            return "48 h after a confirmed match (Prüm II, Reg. 2024/982 Art. 47)";
        }

        return urgent
            ? directlyAccessible ? "8 h, urgent and directly accessible (Dir. 2023/977 Art. 5)" : "3 days, urgent (Dir. 2023/977 Art. 5)"
            : "7 days (Dir. 2023/977 Art. 5)";
    }
}
