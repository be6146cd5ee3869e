namespace Tessera.Core.Reporting;

/// <summary>What an indicator counts and how: the text of the report's methodology appendix.</summary>
/// <param name="Key">Stable key, as in the report's JSON (<c>checks.hit-rate</c>); a per-system or per-route indicator adds
/// its part after a colon (<c>checks.system:SIS</c>).</param>
/// <param name="Chapter">The action of the note it reports on (its section decides the report's chapter).</param>
/// <param name="Unit">count, days, hours, percent or EUR.</param>
/// <param name="Count">True when the value counts cases, records or persons, so that small values are suppressed.</param>
/// <param name="Available">False when Tessera does not hold the data yet; the value is then always null.</param>
public sealed record IndicatorDefinition(string Key, string Chapter, string Title, string Unit, bool Count, string Method, bool Available = true);

/// <summary>The indicators of the Schengen Barometer+ and their methodology, in one place.</summary>
/// <remarks>Every indicator is an aggregate: none names a person or a record. Counts from 1 to
/// <see cref="Suppression.DefaultThreshold"/> − 1 are suppressed (<see cref="Suppression"/>). "The period" is the report's
/// months, from the first day of the first month to the end of the last (UTC); "the previous period" is the same number of
/// months just before it.</remarks>
public static class IndicatorCatalogue
{
    /// <summary>Every indicator family in report order; per-system and per-route keys share their family's definition.</summary>
    public static IReadOnlyList<IndicatorDefinition> All { get; } =
    [
        new("contributions.count", "I.1", "Contributions shared", "count", true,
            "Case-data contributions an organisation stored in the period (reference lists and statistics are not counted)."),
        new("contributions.entities", "I.1", "Entities shared", "count", true,
            "Distinct entities (persons, vessels, phones, accounts …) in the organisation's case-data contributions of the period."),
        new("contributions.hub", "I.1", "Contributions shared with the hub", "count", true,
            "Case-data contributions of the period that the hub's analysts may read in full under the access policy (handling codes " +
            "H0/H1 only, no informant data): what the hub can cross-check and analyse."),
        new("sharing.days-to-first", "I.1", "Days from a case's opening to first contribution", "days", false,
            "For each organisation that is a member of a shared case and made its first contribution to that case in the period: " +
            "whole days from the case's creation to that contribution; the median over those cases. Not shown when fewer than " +
            "the threshold of cases stand behind it."),
        new("checks.count", "I.3", "Systematic checks", "count", true,
            "Checks of persons or identifiers against stored data or a reference list, logged by the organisation's users in the period."),
        new("checks.hit-rate", "I.3", "Check hit rate", "percent", false,
            "Checks with at least one hit, as a percentage of all checks of the organisation in the period; not shown when fewer " +
            "checks than the threshold stand behind it."),
        new("checks.system", "I.3", "Checks per information system", "count", true,
            "Checks against reference lists, grouped by the system the list's declared source names (SIS, SLTD, FADO, EIS, FIELDS, " +
            "VIS, Eurodac, Interpol); the key names the system after a colon. A list that names none counts as 'other'; checks against " +
            "all stored data count as 'Tessera'."),
        new("hits.count", "III.2", "Hits on arrival", "count", true,
            "Hits of the cross-check on arrival created in the period in which one of the organisation's contributions is a side; " +
            "EU-wide, each hit once."),
        new("requests.count", "III.2", "Access requests sent", "count", true,
            "Requests for a withheld record that the organisation sent in the period, following a hit."),
        new("requests.decided", "III.2", "Requests decided", "count", true,
            "Requests received by the organisation and decided (released in full, core data, or refused) in the period."),
        new("requests.on-time", "III.2", "Decisions within the deadline", "percent", false,
            "Of the requests the organisation decided in the period, the percentage decided before their deadline (Directive (EU) " +
            "2023/977 Art. 5; Prüm II Art. 47: 48 hours after a confirmed match); not shown below the threshold of decisions."),
        new("requests.hours-to-decision", "III.2", "Hours to decision", "hours", false,
            "Median hours from a request's arrival to the owner's decision, over the requests the organisation decided in the period; " +
            "not shown below the threshold of decisions."),
        new("releases.count", "III.2", "Releases granted", "count", true,
            "Releases (the provider's consent, Europol Regulation Arts. 19–20) the organisation granted in the period."),
        new("cases.shared", "III.1", "Shared cases", "count", true,
            "Cases with members from at least two organisations, opened in the period, counted for each member organisation — the " +
            "workspaces of joint investigation teams and operational task forces."),
        new("cases.partners", "III.1", "Partners in shared cases", "count", true,
            "Distinct other organisations with which the organisation shares a case opened in the period."),
        new("sections.level-changes", "III.5", "Impact-level changes", "count", true,
            "Changes of the impact level of an external border section (EUROSUR Regulation (EU) 2019/1896 Art. 34) set by the " +
            "organisation's users in the period."),
        new("picture.detections", "I.2", "Detections of irregular crossings", "count", true,
            "EU-wide detections of irregular border crossings in the period, from the newest imported detection statistics (Frontex monthly " +
            "detections); no organisation."),
        new("picture.detections.year-earlier", "I.2", "Change on a year earlier", "percent", false,
            "Detections in the period against the same months a year earlier, as a percentage change."),
        new("picture.route-share", "I.2", "Route share of detections", "percent", false,
            "Each route's detections as a percentage of all detections in the period; the key names the route after a colon. A route " +
            "whose count is suppressed has no share."),
        new("assets.identified", "III.3", "Assets identified (count and EUR)", "count", true,
            "Assets of smuggling networks identified in the period, as a count and (key suffix ':eur') their value in EUR. Not yet " +
            "available: Tessera's asset register is not wired yet.", Available: false),
        new("assets.frozen", "III.3", "Assets frozen (count and EUR)", "count", true,
            "Assets frozen in the period, count and EUR value. Not yet available.", Available: false),
        new("assets.seized", "III.3", "Assets seized (count and EUR)", "count", true,
            "Assets seized in the period, count and EUR value. Not yet available.", Available: false),
        new("assets.confiscated", "III.3", "Assets confiscated (count and EUR)", "count", true,
            "Assets confiscated by final order in the period, count and EUR value. Not yet available.", Available: false),
    ];

    /// <summary>The definition of <paramref name="key"/> (a family key, or a family key with a part after a colon).</summary>
    public static IndicatorDefinition Of(string key)
    {
        var family = key.Split(':')[0];
        return All.First(d => d.Key == family);
    }
}
