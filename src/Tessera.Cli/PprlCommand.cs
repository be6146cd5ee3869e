using System.CommandLine;
using System.Globalization;
using System.Text;
using Tessera.Core.Matching;
using Tessera.Core.Model;
using Tessera.Core.Pprl;

namespace Tessera.Cli;

/// <summary><c>tessera pprl key|encode|link</c>: linkage without disclosure. A node encodes its persons under the federation key;
/// whoever holds two encoding files, without the key, finds the pairs that are one person and learns nothing else.</summary>
internal static class PprlCommand
{
    public static Command Create()
    {
        var command = new Command("pprl", "Privacy-preserving record linkage: encode persons under a federation key, link encodings without it.");
        command.Subcommands.Add(Key());
        command.Subcommands.Add(Encode());
        command.Subcommands.Add(Link());
        return command;
    }

    private static Command Key()
    {
        var file = new Option<string>("--key-file") { Description = "The federation key file; created when missing, else a new current key is appended", Required = true };
        var command = new Command("key", "Make a federation key, or rotate: append a new current key (older keys stay to read older encodings).") { file };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var ring = File.Exists(path) ? ReadKeys(path) : null;
            var next = FederationKeyRing.Rotate(ring, TimeProvider.System);
            File.WriteAllText(path, next.Format(), new UTF8Encoding(false));
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }

            parse.InvocationConfiguration.Output.WriteLine($"current key {next.Current.Id} ({next.Keys.Count} in {path})");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Encode()
    {
        var input = new Argument<string>("file") { Description = "FILE.csv of persons" };
        var idColumn = new Option<string>("--id-column") { Description = "Column holding the record id (it stays readable: use a reference, not personal data)", Required = true };
        var map = new Option<string[]>("--map") { Description = "COLUMN=property, repeatable (name, firstName, lastName, birthDate, idNumber, phone, …)", Required = true, AllowMultipleArgumentsPerToken = true };
        var keyFile = new Option<string>("--key-file") { Description = "The federation key file (tessera pprl key); its current key is used", Required = true };
        var output = new Option<string>("--out") { Description = "enc.csv to write: id,key_id,bloom,identifiers", Required = true };
        var salt = new Option<string>("--salt") { Description = "Salt the name features with: none (default) or birthYear", DefaultValueFactory = _ => "none" };
        var command = new Command("encode", "Encode persons: a 1,024-bit hardened Bloom filter and keyed hashes of strong identifiers per row.")
        {
            input, idColumn, map, keyFile, output, salt,
        };
        command.SetAction(parse =>
        {
            var mappings = PersonCsv.ParseMappings(parse.GetValue(map)!);
            var records = PersonCsv.Read(parse.GetValue(input)!, parse.GetValue(idColumn)!, mappings);
            var key = ReadKeys(parse.GetValue(keyFile)!).Current;
            var encoder = new PersonEncoder(key, new PprlEncoderOptions(Salt: parse.GetValue(salt)!));
            var encodings = records.AsParallel().AsOrdered().Select(encoder.Encode).ToList();
            using (var writer = new StreamWriter(parse.GetValue(output)!, false, new UTF8Encoding(false)))
            {
                EncodingCsv.Write(writer, encodings);
            }

            parse.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{encodings.Count} persons encoded under key {key.Id}, {encodings.Sum(e => e.Identifiers.Count)} identifier hashes"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Link()
    {
        var left = new Argument<string>("left") { Description = "LEFT.enc.csv (left_id comes from it)" };
        var right = new Argument<string>("right") { Description = "RIGHT.enc.csv" };
        var output = new Option<string>("--out") { Description = "pairs.csv to write: left_id,right_id,weight,probability (weight: the Dice coefficient)", Required = true };
        var threshold = new Option<double>("--threshold") { Description = "Dice coefficient at or above which a pair is written", DefaultValueFactory = _ => PprlLinker.DefaultThreshold };
        var oneToOne = new Option<bool>("--one-to-one") { Description = "Keep each record in at most one pair (greedy by Dice), for files in which each person appears once" };
        var all = new Option<bool>("--no-blocking") { Description = "Compare every pair instead of the LSH candidates" };
        var command = new Command("link", "Find pairs of encodings of the same person between two encoding files, without the key.")
        {
            left, right, output, threshold, oneToOne, all,
        };
        command.SetAction(parse =>
        {
            var a = new EncodingSet(ReadEncodings(parse.GetValue(left)!));
            var b = new EncodingSet(ReadEncodings(parse.GetValue(right)!));
            var result = PprlLinker.Link(a, b, parse.GetValue(threshold), blocking: !parse.GetValue(all));
            var pairs = parse.GetValue(oneToOne) ? PprlLinker.OneToOne(result.Pairs) : result.Pairs;
            using (var writer = new StreamWriter(parse.GetValue(output)!, false, new UTF8Encoding(false)))
            {
                writer.Write("left_id,right_id,weight,probability\n");
                foreach (var p in pairs)
                {
                    writer.Write(string.Create(CultureInfo.InvariantCulture,
                        $"{Csv(a.Encodings[p.Left].Id)},{Csv(b.Encodings[p.Right].Id)},{p.Dice:0.0000},{p.Probability:0.000000}\n"));
                }
            }

            parse.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{pairs.Count} pairs at Dice >= {parse.GetValue(threshold):0.00} from {result.Comparisons} comparisons ({a.Count} x {b.Count} encodings)"));
            return ExitCodes.Ok;
        });
        return command;
    }

    private static FederationKeyRing ReadKeys(string path)
    {
        using var reader = new StreamReader(File.Exists(path) ? path : throw new ModelException("key file not found", path), Encoding.UTF8);
        return FederationKeyRing.Parse(reader, path);
    }

    private static List<PersonEncoding> ReadEncodings(string path)
    {
        using var reader = new StreamReader(File.Exists(path) ? path : throw new ModelException("file not found", path), Encoding.UTF8);
        return EncodingCsv.Read(reader, path);
    }

    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
