using Tessera.Core.FollowUp;

namespace Tessera.Web.Components.CrossCheck;

/// <summary>What a request for access says: its purpose and whether it is urgent (<see cref="RequestAccessDialog"/>).</summary>
internal sealed record AccessAsk(string Purpose, bool Urgent);

/// <summary>The owner's answer to a request: how much to release (none refuses) and why (<see cref="DecideDialog"/>).</summary>
internal sealed record AccessAnswer(ReleaseScope Scope, string Reason);
