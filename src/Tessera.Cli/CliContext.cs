using System.CommandLine;
using Tessera.Core.Access;
using Tessera.Storage;

namespace Tessera.Cli;

/// <summary>What every verb shares: the store from the environment and the acting principal.</summary>
internal static class CliContext
{
    /// <summary>Opens the existing store named by the environment (TESSERA_DATA, TESSERA_POSTGRES) or the given options, as
    /// <see cref="StorageOptions.Resolve"/> picks it, and says on stderr which one.</summary>
    /// <exception cref="Core.Model.ModelException">There is no store there (exit 2): a read never creates an empty one.</exception>
    public static Task<Store> OpenStoreAsync(CancellationToken ct = default) => OpenAsync(setUp: false, ct);

    /// <summary>Opens the data folder's own store (never the demo's), creating it when there is none: for the commands that set
    /// up a store (<c>orgs add</c>, <c>picture import</c>). Once it exists, reads open it rather than the demo.</summary>
    public static Task<Store> SetUpStoreAsync(CancellationToken ct = default) => OpenAsync(setUp: true, ct);

    private static async Task<Store> OpenAsync(bool setUp, CancellationToken ct)
    {
        var storage = Options ?? StorageOptions.FromEnvironment();
        storage = setUp ? storage : storage.Resolve();
        if (!setUp && !await Store.ExistsAsync(storage, ct))
        {
            throw new Core.Model.ModelException($"no Tessera store at {storage.Describe()}: name the data folder with {StorageOptions.DataFolderVariable} " +
                $"(default ./data, where `tessera serve --demo` keeps the demo in ./data/demo) or the database with {StorageOptions.PostgresVariable}; " +
                "`tessera orgs add` sets up a new store");
        }

        await Diagnostics.WriteLineAsync("store: " + storage.Describe());
        return await Store.OpenAsync(storage, ct: ct);
    }

    private static readonly AsyncLocal<StorageOptions?> Override = new();

    private static readonly AsyncLocal<TextWriter?> ErrorOverride = new();

    /// <summary>Where diagnostics go for the current run: the invocation's stderr (captured by in-process tests).</summary>
    public static TextWriter Diagnostics
    {
        get => ErrorOverride.Value ?? Console.Error;
        set => ErrorOverride.Value = value;
    }

    /// <summary>Overrides the environment's storage for the current run (in-process tests); flows with the async call.</summary>
    public static StorageOptions? Options
    {
        get => Override.Value;
        set => Override.Value = value;
    }

    /// <summary>The command line acts as the platform operator on the server itself.</summary>
    public static Principal Operator => Principal.System;

    /// <summary>Checks and inboxes on the command line answer as an analyst of the organisation would be answered: with its
    /// kind (a third country learns only what was transferred to it) and whether it runs the hub.</summary>
    /// <exception cref="Core.Model.ModelException">No such organisation (bad input, exit 2).</exception>
    public static async Task<Principal> AnalystOfAsync(Store store, string organisation, CancellationToken ct)
    {
        var org = await store.Directory.OrganisationAsync(organisation, ct)
            ?? throw new Core.Model.ModelException($"unknown organisation '{organisation}'", field: "org");
        return new Principal("cli:" + organisation, organisation, new HashSet<Role> { Role.Analyst })
        {
            AtHub = store.Settings.Hub == organisation,
            Kind = PartnerKinds.TryParse(org.Kind, out var kind) ? kind : PartnerKind.ThirdCountry,
        };
    }

    /// <summary>The acting user named by <c>--as</c>: answered and audited exactly as that user would be in the web app.</summary>
    /// <exception cref="Core.Model.ModelException">No such user (bad input, exit 2).</exception>
    /// <exception cref="AccessRefusedException">The account is disabled (exit 77).</exception>
    public static async Task<Principal> UserAsync(Store store, string name, CancellationToken ct)
    {
        var user = await store.Directory.UserAsync(name, ct) ?? throw new Core.Model.ModelException($"unknown user '{name}'", field: "as");
        return user.Disabled ? throw new AccessRefusedException($"the account {name} is disabled") : user.ToPrincipal();
    }

    /// <summary>The <c>--as USER</c> option: the acting user.</summary>
    public static Option<string> AsOption() => new("--as") { Description = "The acting user (what they may see and do decides the answer)", Required = true };

    public static Option<bool> JsonOption() => new("--json") { Description = "Print one JSON object for machines" };

    public static TextWriter Out(ParseResult parse) => parse.InvocationConfiguration.Output;

    public static TextWriter Error(ParseResult parse) => parse.InvocationConfiguration.Error;
}
