using System.Collections.Concurrent;
using Tessera.Core.Access;
using Tessera.Storage;
using Tessera.Storage.Directory;

namespace Tessera.Web.Auth;

/// <summary>API tokens recently found valid, so that a client sending many requests costs one directory lookup per
/// <see cref="Lifetime"/> instead of one per request.</summary>
/// <remarks>Keyed by the token's SHA-256 (the token itself is not kept); only valid tokens are remembered, so a token just
/// created works at once and an unknown one always goes to the directory. A user disabled in the directory loses API access
/// within <see cref="Lifetime"/>.</remarks>
internal sealed class TokenSessions(Store store)
{
    /// <summary>How long a successful lookup is trusted.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, (User User, DateTimeOffset Until)> _valid = new(StringComparer.Ordinal);

    /// <summary>The enabled user the token belongs to, or null.</summary>
    public async Task<User?> UserAsync(string token, CancellationToken ct)
    {
        var hash = PasswordHash.TokenHash(token);
        var now = store.Time.GetUtcNow();
        if (_valid.TryGetValue(hash, out var known) && known.Until > now)
        {
            return known.User;
        }

        var user = await store.Directory.UserByTokenAsync(token, ct);
        if (user is null)
        {
            _valid.TryRemove(hash, out _);
            return null;
        }

        _valid[hash] = (user, now + Lifetime);
        return user;
    }
}
