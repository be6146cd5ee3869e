namespace Tessera.Core.Model;

/// <summary>Source reliability, as in the 4×4 evaluation system: A completely reliable … X cannot be assessed.</summary>
public enum SourceReliability
{
    A,
    B,
    C,
    X,
}

/// <summary>The category of data subject the contribution is about (Europol Regulation Art. 30 and Annex II).</summary>
public enum SubjectCategory
{
    Suspect,
    Contact,
    Victim,
    Witness,
    Informant,
    Other,

    /// <summary>A person smuggled across a border: someone the network profits from, never ranked as a target.</summary>
    SmuggledMigrant,
}

/// <summary>What kind of data a contribution holds.</summary>
public enum ContributionKind
{
    /// <summary>Case or intelligence data about persons and things.</summary>
    CaseData,

    /// <summary>A reference list used for systematic checks (alerts, lost and stolen documents …).</summary>
    ReferenceList,

    /// <summary>Statistics: detections, incidents.</summary>
    Statistics,
}

/// <summary>The provenance every statement carries: who gave it, for what, under which handling codes.</summary>
/// <param name="Id">Assigned by storage; 0 before the contribution is stored.</param>
/// <param name="Organisation">The providing organisation's code, e.g. <c>IT</c>.</param>
/// <param name="CaseId">The case or analysis project the data belongs to, if any.</param>
/// <param name="Accuracy">Information accuracy, 1 (known to be true) to 4 (cannot be judged).</param>
/// <param name="ReviewDate">The date after which the data must be reviewed or erased.</param>
/// <param name="ContentHash">SHA-256 of the source content; the same file imported twice adds nothing.</param>
public sealed record Contribution(
    long Id,
    string Organisation,
    string? CaseId,
    HandlingCodes Handling,
    SourceReliability Reliability,
    int Accuracy,
    SubjectCategory SubjectCategory,
    string Purpose,
    DateTimeOffset Created,
    DateOnly ReviewDate,
    ContributionKind Kind,
    string Source,
    string ContentHash,
    string CreatedBy)
{
    /// <summary>Third countries and international organisations the provider marked this contribution transferable to,
    /// with the legal basis of each (adequacy decision, agreement or derogation; Europol Regulation 2016/794 Art. 25).</summary>
    public IReadOnlyDictionary<string, string> Transfers { get; init; } = NoTransfers;

    /// <summary>No transfer: the default of every contribution.</summary>
    public static IReadOnlyDictionary<string, string> NoTransfers { get; } = new Dictionary<string, string>();

    /// <summary>Default review period: three years after the data were first processed (Europol Regulation Art. 31).</summary>
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromDays(3 * 365);
}
