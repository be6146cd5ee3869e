using System.CommandLine;
using Tessera.Core.Model;

namespace Tessera.Cli;

/// <summary><c>tessera schema [NAME]</c>: lists the schemata of the model, or one schema's properties.</summary>
internal static class SchemaCommand
{
    public static Command Create()
    {
        var name = new Argument<string?>("name") { Description = "A schema name, e.g. Person", Arity = ArgumentArity.ZeroOrOne };
        var command = new Command("schema", "List the entity schemata, or the properties of one schema.") { name };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var model = SchemaModel.Default;
            var wanted = parse.GetValue(name);
            if (wanted is null)
            {
                foreach (var s in model.Schemata.Where(s => !s.IsAbstract).OrderBy(s => s.Name, StringComparer.Ordinal))
                {
                    output.WriteLine(s.Edge is null ? s.Name : $"{s.Name}\t(edge {s.Edge.Source} -> {s.Edge.Target})");
                }

                return ExitCodes.Ok;
            }

            var schema = model.GetSchema(wanted);
            foreach (var p in schema.Properties.Values.OrderBy(p => p.Name, StringComparer.Ordinal))
            {
                output.WriteLine($"{p.Name}\t{p.Type}{(p.Format is null ? "" : ":" + p.Format)}{(p.Range is null ? "" : " -> " + p.Range)}");
            }

            return ExitCodes.Ok;
        });
        return command;
    }
}
