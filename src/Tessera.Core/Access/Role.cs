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

    /// <summary>Confirm or reject a match on the user's own record (Prüm II, Reg. (EU) 2024/982 Art. 47(1)(b): a match is
    /// manually confirmed by qualified staff).</summary>
    Judge,

    /// <summary>Release a record to another organisation that asked for it: the provider's consent (Europol Regulation
    /// 2016/794 Arts. 19–20). H2 and H3 data need a supervisor.</summary>
    Release,

    /// <summary>Set an organisation's status of an action of the Council note, with its evidence (the Schengen Barometer+):
    /// supervisors and policy officers, for their own organisation only.</summary>
    TrackAction,

    /// <summary>Generate the Schengen Barometer+ report and use the Reports area: aggregates only, for policy officers,
    /// supervisors and hub analysts.</summary>
    Report,
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

    /// <summary>The provider released the record to the user's organisation for a stated purpose, answering its request
    /// (Europol Regulation 2016/794 Art. 20(2): data reachable on a hit/no-hit basis is shared with the provider's consent).</summary>
    Released,

    /// <summary>The user's organisation is a member of the case the data was shared with.</summary>
    CasePartner,

    /// <summary>The user's organisation runs the hub, with which everything contributed to the platform is shared for
    /// cross-checking (Europol Regulation 2016/794 Art. 18); only its hub analysts see more than others.</summary>
    Hub,

    /// <summary>No relation.</summary>
    Other,
}
