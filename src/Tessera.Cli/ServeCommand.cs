using System.CommandLine;
using Tessera.Storage;
using Tessera.Storage.Demo;
using Tessera.Web.Hosting;

namespace Tessera.Cli;

/// <summary><c>tessera serve [--demo] [--urls URL] [--rate-limit N] [--token-rate-limit N] [--max-concurrent N]</c>: the web host with the API
/// and the analyst UI; once it listens, the recovery on start and the audit witness run in the background (<c>ServeCommand.Background.cs</c>).</summary>
internal static partial class ServeCommand
{
    public static Command Create()
    {
        var demo = new Option<bool>("--demo") { Description = "Start on the demo workspace (its own database in <data>/demo, which the other commands open when <data> holds no store of its own), seeded on first start" };
        var urls = new Option<string>("--urls") { Description = "Addresses to listen on", DefaultValueFactory = _ => "http://127.0.0.1:5080" };
        var rate = new Option<int>("--rate-limit") { Description = "API requests per second one user may sustain over all its credentials (0: no limit)", DefaultValueFactory = _ => new RateLimits().PerUserPerSecond };
        var tokenRate = new Option<int>("--token-rate-limit") { Description = "API requests per second one API token may sustain (0: no limit)", DefaultValueFactory = _ => new RateLimits().PerTokenPerSecond };
        var concurrent = new Option<int>("--max-concurrent") { Description = "API requests served at once; more wait in a queue, beyond it 503", DefaultValueFactory = _ => new RateLimits().MaxConcurrentRequests };
        var command = new Command("serve", "Start the web host: REST API under /api/v1, OpenAPI at /openapi/v1.json, and the analyst UI.") { demo, urls, rate, tokenRate, concurrent };
        command.SetAction(async (parse, ct) =>
        {
            var storage = CliContext.Options ?? StorageOptions.FromEnvironment();
            if (parse.GetValue(demo) && storage.Provider == StorageProvider.Sqlite)
            {
                storage = storage.Demo();
            }

            await CliContext.Diagnostics.WriteLineAsync("store: " + storage.Describe());
            await using var store = await Store.OpenAsync(storage, ct: ct);
            var output = CliContext.Out(parse);
            if (parse.GetValue(demo))
            {
                await output.WriteLineAsync("Seeding the demo workspace (first start only)…");
                var accounts = await DemoWorkspace.SeedAsync(store, ct);
                await output.WriteLineAsync("Demo accounts (password for all: " + DemoWorkspace.Password + "):");
                foreach (var a in accounts)
                {
                    await output.WriteLineAsync($"  {a.UserName,-16} {a.Organisation,-8} {a.Roles}");
                }
            }

            var options = new WebOptions(storage, parse.GetValue(urls)!)
            {
                Limits = new RateLimits(PerUserPerSecond: parse.GetValue(rate), PerTokenPerSecond: parse.GetValue(tokenRate), MaxConcurrentRequests: parse.GetValue(concurrent)),
            };
            var witness = Storage.Audit.AuditWitnessOptions.FromEnvironment();
            var app = TesseraWebHost.Build(TesseraWebHost.CreateBuilder(options, store));
            StartBackgroundWork(app, store, witness);
            await output.WriteLineAsync($"Tessera is listening on {options.Urls} (data: {storage.DataFolder}, {storage.Provider})");
            await app.RunAsync(ct);
            return ExitCodes.Ok;
        });
        return command;
    }
}
