using System.Globalization;
using Tessera.Core.Model;

namespace Tessera.Storage.Audit;

/// <summary>The audit viewer's criteria as they travel in a URL (<c>?user=&amp;organisation=&amp;action=&amp;outcome=&amp;from=&amp;to=&amp;page=</c>),
/// read alike by the API, the page and the command line, so that a filtered view is a link an auditor can keep or pass on.</summary>
/// <param name="From">A day (<c>2026-12-01</c>, from its start in UTC) or an instant (ISO 8601).</param>
/// <param name="To">A day (included to its end in UTC) or an instant (excluded).</param>
/// <param name="UpTo">The newest entry the pages cover (set by the first page, so later pages do not shift as the log grows).</param>
public sealed record AuditQuery(string? User, string? Organisation, string? Action, string? Outcome, string? From, string? To, int Page = 1, long? UpTo = null)
{
    private const int MaxCriterion = 200;

    /// <summary>The filter these criteria stand for.</summary>
    /// <exception cref="ModelException">A criterion is too long, a date cannot be read, or the range ends before it starts.</exception>
    public AuditFilter ToFilter()
    {
        var from = Instant(From, "from", endOfDay: false);
        var until = Instant(To, "to", endOfDay: true);
        if (from is not null && until is not null && until <= from)
        {
            throw new ModelException("the range ends before it starts", field: "to");
        }

        return new AuditFilter(Text(User, "user"), Text(Organisation, "organisation"), Text(Action, "action"), Text(Outcome, "outcome"), from, until,
            UpTo is > 0 ? UpTo : null);
    }

    /// <summary>The query string of these criteria (empty ones left out), for links and the address bar.</summary>
    public string ToQueryString(int? page = null, long? upTo = null)
    {
        var parts = new List<string>();
        void Add(string name, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                parts.Add(name + "=" + Uri.EscapeDataString(value.Trim()));
            }
        }

        Add("user", User);
        Add("organisation", Organisation);
        Add("action", Action);
        Add("outcome", Outcome);
        Add("from", From);
        Add("to", To);
        if ((page ?? Page) > 1)
        {
            Add("page", (page ?? Page).ToString(CultureInfo.InvariantCulture));
        }

        if ((upTo ?? UpTo) is { } last)
        {
            Add("upto", last.ToString(CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? "" : "?" + string.Join('&', parts);
    }

    private static string? Text(string? value, string field)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        return text.Length > MaxCriterion ? throw new ModelException($"{field} is longer than {MaxCriterion} characters", field: field) : text;
    }

    private static DateTimeOffset? Instant(string? value, string field, bool endOfDay)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            return endOfDay ? start.AddDays(1) : start;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant) && text.Length <= 40
            ? instant
            : throw new ModelException($"'{text[..Math.Min(text.Length, 40)]}' is not a date (yyyy-mm-dd) or an ISO 8601 time", field: field);
    }
}
