using Tessera.Core.Access;

namespace Tessera.Web.Components.Layout;

/// <summary>One entry of the menu: where it leads, the resource key of its label, and the permission that makes it usable.</summary>
internal sealed record NavItem(string Href, string Label, Func<Principal, bool> Usable, bool ExactMatch = false);

/// <summary>The menu and the landing page of each user, asked from the access policy's <see cref="Permissions"/>: a user
/// sees only what they can use, and lands where their work is (docs/design.md, "Product").</summary>
internal static class Menu
{
    /// <summary>Every area, in menu order; the labels are keys of <see cref="UiText"/>.</summary>
    public static IReadOnlyList<NavItem> All { get; } =
    [
        new("/", "Nav.Home", Permissions.MayWorkCases, ExactMatch: true),
        new("/search", "Nav.Search", Permissions.MayWorkCases),
        new("/hits", "Nav.Hits", Permissions.MayWorkCases),
        new("/requests", "Nav.Requests", Permissions.MayWorkCases),
        new("/cases", "Nav.Cases", Permissions.MayWorkCases),
        new("/import", "Nav.Import", Permissions.MayImport),
        new("/network", "Nav.Network", Permissions.MayWorkCases),
        new("/dashboard", "Nav.Dashboard", Permissions.MayReadAggregates),
        new("/sections", "Nav.Sections", Permissions.MayReadAggregates),
        new("/reports", "Nav.Reports", Permissions.MayReport),
        new("/audit", "Nav.Audit", Permissions.MayReadAudit),
        new("/admin", "Nav.Admin", Permissions.MayAdminister),
    ];

    /// <summary>The entries <paramref name="user"/> can use.</summary>
    public static IReadOnlyList<NavItem> For(Principal user) => All.Where(i => i.Usable(user)).ToList();

    /// <summary>Where <paramref name="user"/> starts: case workers on their home (cases and new hits), auditors on the audit
    /// trail, administrators on administration, policy officers on the Barometer+ reports, everyone else (risk analysts) on
    /// the situational picture.</summary>
    public static string LandingFor(Principal user) => Landing(user).Href;

    /// <summary>The landing page of <paramref name="user"/> with the <see cref="UiText"/> key of the sentence that tells a
    /// role without case data where its work is.</summary>
    public static (string Href, string Sentence) Landing(Principal user) =>
        Permissions.MayWorkCases(user) ? ("/", "Nav.Home")
        : Permissions.MayReadAudit(user) ? ("/audit", "Role.Auditor")
        : Permissions.MayAdminister(user) ? ("/admin", "Role.Administrator")
        : Permissions.MayReport(user) ? ("/reports", "Role.Reports")
        : ("/dashboard", "Role.Aggregates");
}
