using System.CommandLine;
using System.Globalization;
using System.Text;
using Tessera.Core.Graph;
using Tessera.Core.Model;
using Tessera.Core.Money;

namespace Tessera.Cli;

/// <summary><c>tessera money patterns|trace|corridors</c>: laundering patterns, money traces and corridors of a
/// transaction file (<c>id,from,to,amount,currency,time</c>), amounts converted to EUR with an optional rates file.</summary>
internal static class MoneyCommand
{
    private static readonly Option<string?> Rates = new("--rates") { Description = "Rates CSV date,currency,rate (units per EUR, ECB convention) for amounts not in EUR" };

    private static readonly Option<string[]> Hawala = new("--hawala") { Description = "Hawala ledger CSV sender,receiver,amount,currency,place,date[,broker][,id] (repeatable): flows between persons through their broker" };

    private static readonly Option<string[]> GoAml = new("--goaml") { Description = "goAML XML report (STR, CTR, EFT; repeatable): its transactions join the flows" };

    private static readonly Option<string?> Broker = new("--broker") { Description = "The broker who kept the hawala ledgers, for rows without a broker column" };

    public static Command Create()
    {
        var command = new Command("money", "Follow the money: laundering patterns, traces over k hops, corridors by country pair and month.");
        command.Subcommands.Add(Patterns());
        command.Subcommands.Add(Trace());
        command.Subcommands.Add(CorridorsCommand());
        return command;
    }

    private static Command Patterns()
    {
        var input = new Argument<string>("transactions") { Description = "Transactions CSV with header id,from,to,amount,currency,time (time ISO 8601)" };
        var output = new Option<string>("--out") { Description = "Output CSV pattern,transaction_id: one row per transaction in a detected pattern", Required = true };
        var summary = new Option<string?>("--summary") { Description = "Also write one row per pattern: pattern,score,amount_eur,accounts,transactions" };
        var command = new Command("patterns", "Detect fan-in, fan-out, cycle, scatter-gather, gather-scatter, stack and structuring.") { input, output, summary, Rates, Hawala, GoAml, Broker };
        command.SetAction(parse =>
        {
            var graph = Load(parse, parse.GetValue(input)!);
            var found = PatternDetector.Detect(graph);
            using (var writer = OpenWriter(parse.GetValue(output)!))
            {
                PatternDetector.WriteTransactions(graph, found, writer);
            }

            if (parse.GetValue(summary) is { } summaryPath)
            {
                using var writer = OpenWriter(summaryPath);
                writer.Write("pattern,score,amount_eur,accounts,transactions\n");
                foreach (var p in found.OrderByDescending(p => p.Score))
                {
                    writer.Write(string.Create(CultureInfo.InvariantCulture, $"{p.Name},{p.Score:0.000},{p.AmountEur:0.00},{CsvLine.Quote(string.Join(' ', p.Accounts.Select(a => graph.Accounts[a])))},{CsvLine.Quote(string.Join(' ', p.Transactions.Select(graph.TransactionId)))}\n"));
                }
            }

            var counts = found.GroupBy(p => p.Name).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}");
            parse.InvocationConfiguration.Output.WriteLine($"{found.Count} patterns in {graph.TransactionCount} transactions: {string.Join(", ", counts)}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Trace()
    {
        var input = new Argument<string>("transactions") { Description = "Transactions CSV with header id,from,to,amount,currency,time" };
        var account = new Option<string>("--account") { Description = "The account (or wallet, or person) to trace from", Required = true };
        var backward = new Option<bool>("--backward") { Description = "Trace where the money came from instead of where it went" };
        var hops = new Option<int>("--hops") { Description = "Hops to follow (1–20)", DefaultValueFactory = _ => 5 };
        var from = new Option<string?>("--from") { Description = "Window start (ISO 8601 date or time; default: the first transaction)" };
        var to = new Option<string?>("--to") { Description = "Window end, inclusive (ISO 8601; default: the last transaction)" };
        var output = new Option<string?>("--out") { Description = "Write the traced flows from,to,hop,amount_eur (the Sankey chart's links) to this CSV" };
        var command = new Command("trace", "Follow money over k hops with proportional (haircut) allocation: the share of the source reaching each account.")
        {
            input, account, backward, hops, from, to, output, Rates, Hawala, GoAml, Broker,
        };
        command.SetAction(parse =>
        {
            var hopCount = parse.GetValue(hops);
            if (hopCount is < 1 or > 20)
            {
                parse.InvocationConfiguration.Error.WriteLine("tessera: --hops must be between 1 and 20");
                return ExitCodes.Usage;
            }

            var graph = Load(parse, parse.GetValue(input)!);
            var name = parse.GetValue(account)!;
            var index = Array.IndexOf(graph.Accounts, name);
            if (index < 0)
            {
                throw new ModelException($"account '{name}' does not occur in the transactions", parse.GetValue(input), null, "--account");
            }

            var request = new TraceRequest(index, parse.GetValue(backward) ? TraceDirection.Backward : TraceDirection.Forward, hopCount, Time(parse.GetValue(from), "--from") ?? long.MinValue, Time(parse.GetValue(to), "--to") ?? long.MaxValue);
            var result = MoneyTrace.Run(graph, request);
            var stdout = parse.InvocationConfiguration.Output;
            stdout.Write("account,hop,amount_eur,share,held_eur\n");
            foreach (var r in result.Reached)
            {
                stdout.Write(string.Create(CultureInfo.InvariantCulture, $"{CsvLine.Quote(graph.Accounts[r.Account])},{r.Hop},{r.AmountEur:0.00},{r.Share:0.0000},{r.HeldEur:0.00}\n"));
            }

            if (parse.GetValue(output) is { } path)
            {
                using var writer = OpenWriter(path);
                writer.Write("from,to,hop,amount_eur\n");
                foreach (var f in result.Flows)
                {
                    writer.Write(string.Create(CultureInfo.InvariantCulture, $"{CsvLine.Quote(graph.Accounts[f.From])},{CsvLine.Quote(graph.Accounts[f.To])},{f.Hop},{f.AmountEur:0.00}\n"));
                }
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command CorridorsCommand()
    {
        var input = new Argument<string>("transactions") { Description = "Transactions CSV; countries from from_country/to_country columns or IBAN prefixes" };
        var command = new Command("corridors", "EUR totals by country pair and month (from_country,to_country,month,transactions,amount_eur).") { input, Rates, Hawala, GoAml, Broker };
        command.SetAction(parse =>
        {
            var stdout = parse.InvocationConfiguration.Output;
            stdout.Write("from_country,to_country,month,transactions,amount_eur\n");
            foreach (var c in Corridors.Aggregate(Load(parse, parse.GetValue(input)!)))
            {
                stdout.Write(string.Create(CultureInfo.InvariantCulture, $"{c.FromCountry},{c.ToCountry},{c.Month},{c.Transactions},{c.AmountEur:0.00}\n"));
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>The transaction file and any hawala ledgers as one graph; the first bad row of any file fails the whole load.</summary>
    private static TransactionGraph Load(ParseResult parse, string path)
    {
        var rates = ExchangeRates.None;
        if (parse.GetValue(Rates) is { } ratesPath)
        {
            using var ratesReader = File.OpenText(ratesPath);
            rates = ExchangeRates.Read(ratesReader, ratesPath);
        }

        var builder = new TransactionGraphBuilder();
        using (var reader = File.OpenText(path))
        {
            TransactionCsv.ReadInto(builder, reader, path, rates);
        }

        foreach (var report in parse.GetValue(GoAml) ?? [])
        {
            using var reader = File.OpenText(report);
            GoAmlReport.ReadInto(builder, reader, report, rates);
        }

        foreach (var ledger in parse.GetValue(Hawala) ?? [])
        {
            using var reader = File.OpenText(ledger);
            HawalaLedger.ReadInto(builder, reader, ledger, rates, parse.GetValue(Broker));
        }

        return builder.Build();
    }

    private static long? Time(string? text, string option)
    {
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t.ToUnixTimeSeconds()
            : throw new ModelException($"'{text}' is not an ISO 8601 date or time", field: option);
    }

    private static StreamWriter OpenWriter(string path) => new(path, append: false, new UTF8Encoding(false)) { NewLine = "\n" };
}
