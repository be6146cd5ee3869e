using System.Collections.Concurrent;
using Tessera.Core.Access;
using Tessera.Storage;
using Tessera.Storage.Directory;

namespace Tessera.Web.Auth;

/// <summary>API tokens recently found live, so that a client sending many requests costs one directory lookup per
/// <see cref="Lifetime"/> instead of one per request.</summary>
/// <remarks>Keyed by the token's SHA-256 (the token itself is not kept); only live tokens are remembered, so a token just
/// created works at once and an unknown one always goes to the directory. Every entry is dropped when this process revokes
/// any session or token (<see cref="Sessions.Generation"/>), so a revocation through this node's API or UI takes effect on
/// its next request. A revocation on another node or by the <c>tessera</c> command reaches this node within
/// <see cref="Lifetime"/>; an expiry is never outlived, the cache ends with the token.</remarks>
internal sealed class TokenSessions(Store store)
{
    /// <summary>How long a successful lookup is trusted when nothing was revoked in this process.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, Entry> _live = new(StringComparer.Ordinal);

    /// <summary>The live token and its enabled user, or null.</summary>
    public async Task<(ApiToken Token, User User)?> FindAsync(string token, CancellationToken ct)
    {
        var hash = PasswordHash.TokenHash(token);
        var now = store.Time.GetUtcNow();
        // Read the generation before the lookup: a revocation committed meanwhile makes this entry stale at once.
        var generation = store.Directory.Sessions.Generation;
        if (_live.TryGetValue(hash, out var known) && known.Until > now && known.Generation == generation)
        {
            return (known.Token, known.User);
        }

        var found = await store.Directory.Tokens.FindAsync(token, ct);
        if (found is not { } live)
        {
            _live.TryRemove(hash, out _);
            return null;
        }

        var until = now + Lifetime < live.Token.Expires ? now + Lifetime : live.Token.Expires;
        _live[hash] = new Entry(live.Token, live.User, until, generation);
        return live;
    }

    private sealed record Entry(ApiToken Token, User User, DateTimeOffset Until, long Generation);
}
