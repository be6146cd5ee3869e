using Dapper;

namespace Tessera.Storage.Directory;

/// <summary>The key ring of the web host's cookie and form protection, kept in the database so that every node reads the same
/// keys (each key's XML as the key manager wrote it, under its name).</summary>
/// <remarks>A key is written once and never changed; a second write under the same name (two nodes creating their first key at
/// once) keeps the first, and both nodes then read both keys, so a cookie of either is accepted by either. The keys are as
/// sensitive as the sessions table: whoever reads the database can also read the sessions the cookies name.</remarks>
public sealed class DataProtectionKeys
{
    private readonly Store _store;

    internal DataProtectionKeys(Store store) => _store = store;

    /// <summary>Every stored key, oldest first.</summary>
    public async Task<IReadOnlyList<string>> AllAsync(CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        return (await connection.QueryAsync<string>("SELECT xml FROM data_protection_keys ORDER BY id")).ToList();
    }

    /// <summary>Stores a new key under its name; a key of that name stored already is kept.</summary>
    public async Task AddAsync(string name, string xml, CancellationToken ct = default)
    {
        await using var connection = await _store.ConnectAsync(ct);
        await connection.ExecuteAsync("INSERT INTO data_protection_keys (name, xml, created) VALUES (@name, @xml, @now) ON CONFLICT (name) DO NOTHING",
            new { name, xml, now = _store.Now() });
    }
}
