namespace Tessera.Core.Access;

/// <summary>What a user does in Tessera; a user may hold several roles.</summary>
public enum Role
{
    /// <summary>National investigator or analyst: submits case data, gets hits, works cases.</summary>
    Analyst,

    /// <summary>Analyst who also sets border-section impact levels and approves releases for the organisation.</summary>
    Supervisor,

    /// <summary>Hub analyst (Europol EMSC-like): cross-checks everything shared with the hub, builds the joint picture.
    /// The role gives hub rights only to users of the organisation that runs the hub.</summary>
    HubAnalyst,

    /// <summary>Policy officer: sees aggregates only, never personal data.</summary>
    PolicyOfficer,

    /// <summary>Data protection officer or auditor: reads and verifies the audit trail, no case data.</summary>
    Auditor,

    /// <summary>Platform administrator: users, organisations, configuration; no case data by default.</summary>
    Administrator,
}

/// <summary>What a user asks to do.</summary>
public enum AccessAction
{
    /// <summary>Read the details of a record (its statements).</summary>
    View,

    /// <summary>Export or forward a record outside Tessera.</summary>
    Export,

    /// <summary>Edit, delete or change the restrictions of a record.</summary>
    Modify,

    /// <summary>Submit a contribution in the name of the user's organisation.</summary>
    Contribute,

    /// <summary>Read aggregate statistics (counts, trends).</summary>
    ReadAggregates,

    /// <summary>Read and verify the audit log.</summary>
    ReadAudit,

    /// <summary>Add users, organisations and cases.</summary>
    Administer,

    /// <summary>Set the impact level of a border section.</summary>
    SetImpactLevel,
}

/// <summary>The outcome of an access decision, ordered from strictest to widest.</summary>
public enum Decision
{
    /// <summary>Nothing: the answer looks exactly as if there were no data.</summary>
    Deny = 0,

    /// <summary>Only that a hit exists, with the owner organisation and a reference to ask for it.</summary>
    HitOnly = 1,

    /// <summary>Full details.</summary>
    Allow = 2,
}

/// <summary>How the user's organisation stands to the data's owner.</summary>
public enum OwnerRelation
{
    /// <summary>The user's organisation provided the data.</summary>
    Own,

    /// <summary>The user's organisation is a member of the case the data was shared with.</summary>
    CasePartner,

    /// <summary>The user's organisation runs the hub, with which everything contributed to the platform is shared for
    /// cross-checking (Europol Regulation 2016/794 Art. 18); only its hub analysts see more than others.</summary>
    Hub,

    /// <summary>No relation.</summary>
    Other,
}
