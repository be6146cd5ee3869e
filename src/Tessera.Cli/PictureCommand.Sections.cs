using System.CommandLine;
using System.Text.Json;
using Tessera.Core.Access;
using Tessera.Core.Model;
using Tessera.Core.Picture;
using Tessera.Storage;

namespace Tessera.Cli;

/// <summary><c>tessera picture sections</c> and <c>set-level</c>: border sections and their impact levels (Reg. 2019/1896 Arts. 34–35).</summary>
internal static partial class PictureCommand
{
    private static Command Sections(Func<Task<Store>> open)
    {
        var starter = new Option<bool>("--starter") { Description = "First configure the starter set of sections (land border pairs and sea sections per route)" };
        var json = new Option<bool>("--json") { Description = "JSON on stdout" };
        var command = new Command("sections", "List the border sections with their impact levels, the measures each level requires and a proposed level.") { starter, json };
        command.SetAction(async (parse, ct) =>
        {
            await using var store = await open();
            if (parse.GetValue(starter))
            {
                var added = await store.Picture.ConfigureSectionsAsync(BorderSections.Starter(), Principal.System, ct);
                await parse.InvocationConfiguration.Error.WriteLineAsync(Inv($"tessera: starter set configured, {added} sections added"));
            }

            var sections = await store.Picture.SectionsWithProposalsAsync(ct: ct);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(sections, Json));
                return ExitCodes.Ok;
            }

            await output.WriteLineAsync("section\tkind\troute\tlevel\tproposed\tsince\treason");
            foreach (var s in sections)
            {
                await output.WriteLineAsync(Inv(
                    $"{s.Section.Code}\t{s.Section.Kind}\t{s.Section.Route}\t{SectionImpactLevels.Name(s.Level)}\t{(s.Proposal is { } p ? SectionImpactLevels.Name(p.Level) : "-")}\t{s.Since:yyyy-MM-dd}\t{s.Reason}"));
            }

            await output.WriteLineAsync();
            foreach (var level in sections.Select(s => s.Level).Distinct().Order())
            {
                await output.WriteLineAsync($"Measures at level {SectionImpactLevels.Name(level)}:");
                foreach (var m in SectionImpactLevels.Measures(level))
                {
                    await output.WriteLineAsync("  - " + m);
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command SetLevel(Func<Task<Store>> open)
    {
        var section = new Argument<string>("section") { Description = "Section code, e.g. HR-BA or IT-SEA" };
        var level = new Argument<string>("level") { Description = "low, medium, high or critical" };
        var reason = new Option<string>("--reason") { Description = "Why the level changes (required, audited)", Required = true };
        var asUser = new Option<string?>("--as") { Description = "Act as this user of the directory (needs the Supervisor or HubAnalyst role)" };
        var command = new Command("set-level", "Set a border section's impact level; needs the right to set impact levels; every change is audited with its reason.") { section, level, reason, asUser };
        command.SetAction(async (parse, ct) =>
        {
            var wanted = SectionImpactLevels.TryParse(parse.GetValue(level)!)
                ?? throw new ModelException($"'{parse.GetValue(level)}' is not a section impact level (low, medium, high, critical)", null, null, "level");
            await using var store = await open();
            var principal = Principal.System;
            if (parse.GetValue(asUser) is { } name)
            {
                var user = await store.Directory.UserAsync(name, ct);
                if (user is null || user.Disabled)
                {
                    throw new ModelException($"no active user '{name}'", null, null, "--as");
                }

                principal = user.ToPrincipal();
            }

            try
            {
                var change = await store.Picture.SetLevelAsync(parse.GetValue(section)!, wanted, parse.GetValue(reason)!, principal, ct);
                await parse.InvocationConfiguration.Output.WriteLineAsync(
                    $"{change.Section}: {SectionImpactLevels.Name(change.Previous)} -> {SectionImpactLevels.Name(change.Level)} by {change.SetBy}");
                foreach (var m in SectionImpactLevels.Measures(change.Level))
                {
                    await parse.InvocationConfiguration.Output.WriteLineAsync("  - " + m);
                }

                return ExitCodes.Ok;
            }
            catch (AccessRefusedException ex)
            {
                await parse.InvocationConfiguration.Error.WriteLineAsync("tessera: refused: " + ex.Message + "; the refusal is audited (use --as USER)");
                return ExitCodes.Forbidden;
            }
        });
        return command;
    }
}
