namespace Tessera.Core.Access;

/// <summary>Who asks: a signed-in user, their organisation and roles.</summary>
public sealed record Principal(string UserName, string Organisation, IReadOnlySet<Role> Roles)
{
    /// <summary>True when the user's organisation is the one that runs the hub, as the platform's configuration declares.</summary>
    /// <remarks>Hub rights belong to that organisation, not to a role: a user of another agency with the hub analyst role
    /// gets nothing more than an analyst (docs/design.md, "Access").</remarks>
    public bool AtHub { get; init; }

    /// <summary>What kind of party the user's organisation is; a third country or international organisation learns of
    /// a contribution only when it was marked transferable to it.</summary>
    public PartnerKind Kind { get; init; } = PartnerKind.MemberState;

    public bool Has(Role role) => Roles.Contains(role);

    /// <summary>The purpose the user states for what they do now (recorded with every audit entry), or "not stated".</summary>
    public string Purpose { get; init; } = Audit.AuditEvent.NotStated;

    /// <summary>The identity used by the command line when run by the platform operator on the server itself.</summary>
    public static Principal System { get; } = new("system", "SYSTEM", new HashSet<Role> { Role.Administrator });
}

/// <summary>The record a decision is about: its owner, case, handling codes and data-subject category.</summary>
/// <param name="CaseMembers">Organisations that are members of the record's case; empty when there is no case.</param>
public sealed record AccessTarget(
    string OwnerOrganisation,
    IReadOnlySet<string> CaseMembers,
    Model.HandlingCodes Handling,
    Model.SubjectCategory SubjectCategory)
{
    /// <summary>Third countries and international organisations to which the provider marked the record transferable,
    /// each with its named legal basis (Europol Regulation 2016/794 Art. 25).</summary>
    public IReadOnlyDictionary<string, string> Transfers { get; init; } = Model.Contribution.NoTransfers;

    /// <summary>Organisations to which the provider released the record (or the part of it this target stands for), each
    /// with the purpose the release was given for.</summary>
    public IReadOnlyDictionary<string, string> Releases { get; init; } = NoReleases;

    /// <summary>No release.</summary>
    public static readonly IReadOnlyDictionary<string, string> NoReleases = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>How <paramref name="principal"/>'s organisation relates to the owner.</summary>
    public OwnerRelation RelationOf(Principal principal) =>
        principal.Organisation == OwnerOrganisation ? OwnerRelation.Own
        : Releases.ContainsKey(principal.Organisation) ? OwnerRelation.Released
        : CaseMembers.Contains(principal.Organisation) ? OwnerRelation.CasePartner
        : principal.AtHub ? OwnerRelation.Hub
        : OwnerRelation.Other;

    /// <summary>The target standing for a contribution's records: its provider, handling, subject and transfers, with the
    /// members of its case (empty when there is none).</summary>
    public static AccessTarget Of(Model.Contribution contribution, IReadOnlySet<string> caseMembers) =>
        new(contribution.Organisation, caseMembers, contribution.Handling, contribution.SubjectCategory) { Transfers = contribution.Transfers };

    /// <summary>The target standing for records an organisation provides itself, unrestricted: what its own users may do with them.</summary>
    public static AccessTarget OwnRecordsOf(string organisation) =>
        new(organisation, new HashSet<string>(), Model.HandlingCodes.Default, Model.SubjectCategory.Other);

    /// <summary>A target with no record behind it, for actions on the platform itself (audit, administration).</summary>
    public static AccessTarget Platform { get; } =
        new("", new HashSet<string>(), Model.HandlingCodes.Default, Model.SubjectCategory.Other);
}
