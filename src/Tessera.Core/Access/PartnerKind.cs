namespace Tessera.Core.Access;

/// <summary>What kind of party an organisation is; it decides whether the organisation may learn of data at all.</summary>
public enum PartnerKind
{
    /// <summary>An authority of an EU member state (or a Schengen associated state).</summary>
    MemberState,

    /// <summary>An EU agency or body (Europol, Frontex, Eurojust, EUAA).</summary>
    EuAgency,

    /// <summary>An authority of a third country: learns nothing of a contribution unless its provider marked it
    /// transferable to it under a named legal basis (Europol Regulation 2016/794 Art. 25).</summary>
    ThirdCountry,

    /// <summary>An international organisation (Interpol, UNODC …): as a third country.</summary>
    InternationalOrganisation,
}

/// <summary>The written forms of <see cref="PartnerKind"/>.</summary>
public static class PartnerKinds
{
    /// <summary>The kinds as written in the directory and on the command line.</summary>
    public static readonly IReadOnlyList<string> Names = ["member-state", "eu-agency", "third-country", "international-organisation"];

    /// <summary>True for parties outside the Union that learn of data only by a transfer (Art. 25).</summary>
    public static bool IsThirdParty(this PartnerKind kind) => kind is PartnerKind.ThirdCountry or PartnerKind.InternationalOrganisation;

    /// <summary>The written form, e.g. <c>third-country</c>.</summary>
    public static string Name(this PartnerKind kind) => Names[(int)kind];

    /// <summary>Parses a written kind; the directory's older words <c>national</c> and <c>agency</c> are read as member state
    /// and EU agency.</summary>
    /// <returns>False for anything else.</returns>
    public static bool TryParse(string? text, out PartnerKind kind)
    {
        var at = text switch
        {
            "national" => 0,
            "agency" => 1,
            _ => Names.ToList().IndexOf(text?.Trim().ToLowerInvariant() ?? ""),
        };
        kind = at < 0 ? PartnerKind.MemberState : (PartnerKind)at;
        return at >= 0;
    }
}
