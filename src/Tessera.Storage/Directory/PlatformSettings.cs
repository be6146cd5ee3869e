using Dapper;
using Tessera.Core.Access;
using Tessera.Core.Audit;
using Tessera.Core.Model;

namespace Tessera.Storage.Directory;

/// <summary>Settings of the platform kept in the database, so that every node and the command line read the same:
/// the organisation that runs the hub, and the key behind withheld-record references.</summary>
public sealed class PlatformSettings
{
    private const string HubSetting = "hub";
    private const string ReferenceKeySetting = "reference-key";

    private readonly Store _store;
    private volatile string? _hub;

    private PlatformSettings(Store store, string? hub, WithheldReferences references)
    {
        _store = store;
        _hub = hub;
        References = references;
    }

    /// <summary>The organisation that runs the hub; its hub analysts see H0/H1 data shared with the platform. None until declared.</summary>
    public string? Hub => _hub;

    /// <summary>Keyed references to withheld records.</summary>
    public WithheldReferences References { get; }

    /// <summary>Declares the organisation that runs the hub (platform administration, audited).</summary>
    /// <exception cref="ModelException">No such organisation.</exception>
    /// <exception cref="AccessRefusedException">The user may not administer the platform (audited).</exception>
    public async Task SetHubAsync(string organisation, Principal by, CancellationToken ct = default)
    {
        await _store.Directory.RequireAdministratorAsync(by, "platform.hub", "organisation:" + organisation, ct);

        await using var connection = await _store.ConnectAsync(ct);
        await using var tx = await Store.BeginWriteAsync(connection, ct);
        if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM organisations WHERE code = @organisation", new { organisation }, tx) == 0)
        {
            throw new ModelException($"unknown organisation '{organisation}'", field: "organisation");
        }

        await connection.ExecuteAsync(
            "INSERT INTO platform_settings (name, value) VALUES (@name, @organisation) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            new { name = HubSetting, organisation }, tx);
        await _store.Audit.AppendAsync(connection, tx, [AuditEvent.By(by, "platform.hub", "organisation:" + organisation, "ok")]);
        await tx.CommitAsync(ct);
        _hub = organisation;
    }

    /// <summary>Reads the settings, creating the reference key on first open (the first node to write it wins).</summary>
    internal static async Task<PlatformSettings> LoadAsync(Store store, CancellationToken ct)
    {
        await using var connection = await store.ConnectAsync(ct);
        await connection.ExecuteAsync("INSERT INTO platform_settings (name, value) VALUES (@name, @value) ON CONFLICT (name) DO NOTHING",
            new { name = ReferenceKeySetting, value = Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)) });
        var settings = (await connection.QueryAsync<(string Name, string Value)>("SELECT name, value FROM platform_settings"))
            .ToDictionary(s => s.Name, s => s.Value, StringComparer.Ordinal);
        return new PlatformSettings(store, settings.GetValueOrDefault(HubSetting), new WithheldReferences(Convert.FromBase64String(settings[ReferenceKeySetting])));
    }
}
