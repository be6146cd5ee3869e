namespace Tessera.Core.FollowUp;

/// <summary>Where a request for access stands.</summary>
public enum RequestStatus
{
    /// <summary>Waiting for the owner's answer.</summary>
    Open,

    /// <summary>The owner's analyst proposed to release H2/H3 data; a supervisor of the owner must approve.</summary>
    AwaitingApproval,

    /// <summary>The owner released the record (all or core data) to the requester.</summary>
    Released,

    /// <summary>The owner refused, with a reason.</summary>
    Refused,

    /// <summary>The owner revoked an earlier release (Europol Regulation Art. 19: restrictions may be added later).</summary>
    Revoked,
}

/// <summary>How much of a record a release gives.</summary>
public enum ReleaseScope
{
    /// <summary>Nothing: the request is refused.</summary>
    None,

    /// <summary>The core data: the matched fields (names, birth date, nationality, document and identifier values) and the owner reference.</summary>
    Core,

    /// <summary>Every statement of the record.</summary>
    All,
}

/// <summary>Names of statuses and scopes as the command line and the API write them.</summary>
public static class FollowUpNames
{
    public static string Name(this RequestStatus status) => status switch
    {
        RequestStatus.Open => "open",
        RequestStatus.AwaitingApproval => "awaiting-approval",
        RequestStatus.Released => "released",
        RequestStatus.Refused => "refused",
        _ => "revoked",
    };

    public static RequestStatus ParseStatus(string text) =>
        Enum.GetValues<RequestStatus>().FirstOrDefault(s => s.Name() == text, RequestStatus.Open);

    public static string Name(this ReleaseScope scope) => scope.ToString().ToLowerInvariant();

    /// <exception cref="Model.ModelException">Not one of all, core, none.</exception>
    public static ReleaseScope ParseScope(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "all" => ReleaseScope.All,
        "core" => ReleaseScope.Core,
        "none" => ReleaseScope.None,
        _ => throw new Model.ModelException($"unknown release '{text}': one of all, core, none", field: "release"),
    };
}
