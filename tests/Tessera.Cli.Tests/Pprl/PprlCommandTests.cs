namespace Tessera.Cli.Tests.Pprl;

public sealed class PprlCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("tessera-pprl-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static Task<(int Code, string Out, string Err)> Run(params string[] args) => CliRun.InvokeAsync(null, args);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static readonly string[] Map = ["--map", "name=name", "--map", "born=birthDate", "--map", "passport=passportNumber"];

    [Fact]
    public async Task EncodeThenLink_AcrossScripts_FindsThePersonAndTheFilesHoldNoName()
    {
        var keys = Path.Combine(_dir, "federation.keys");
        var left = Write("left.csv", "ref,name,born,passport\nL1,محمد علي,1990-03-04,\nL2,Johanna Berger,1975-11-20,\nL3,Khaled Omar,1981-02-02,N1234567\n");
        var right = Write("right.csv", "ref,name,born,passport\nR1,Mohammed Ali,04/03/1990,\nR2,Peter Novak,1966-01-01,\nR3,Chaled Omar,1981-02-02,n 1234567\n");
        var (leftEnc, rightEnc, pairs) = (Path.Combine(_dir, "l.enc.csv"), Path.Combine(_dir, "r.enc.csv"), Path.Combine(_dir, "pairs.csv"));

        Assert.Equal(0, (await Run("pprl", "key", "--key-file", keys)).Code);
        var encoded = await Run(["pprl", "encode", left, "--id-column", "ref", .. Map, "--key-file", keys, "--out", leftEnc]);
        Assert.True(encoded.Code == 0, encoded.Err);
        Assert.Equal(0, (await Run(["pprl", "encode", right, "--id-column", "ref", .. Map, "--key-file", keys, "--out", rightEnc])).Code);
        var linked = await Run("pprl", "link", leftEnc, rightEnc, "--out", pairs);

        Assert.True(linked.Code == 0, linked.Err);
        var lines = File.ReadAllLines(pairs);
        Assert.Equal("left_id,right_id,weight,probability", lines[0]);
        Assert.Equal(["L1,R1", "L3,R3"], lines.Skip(1).Select(l => string.Join(',', l.Split(',')[..2])));
        var encodedText = File.ReadAllText(leftEnc) + File.ReadAllText(rightEnc);
        Assert.DoesNotContain("Johanna", encodedText, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("1234567", encodedText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_AfterKeyRotation_RefusesMixedKeysWithBadInputCode()
    {
        var keys = Path.Combine(_dir, "federation.keys");
        var people = Write("p.csv", "ref,name,born,passport\nA,Ali Hassan,1990-01-01,\n");
        var (before, after) = (Path.Combine(_dir, "before.enc.csv"), Path.Combine(_dir, "after.enc.csv"));
        await Run("pprl", "key", "--key-file", keys);
        await Run(["pprl", "encode", people, "--id-column", "ref", .. Map, "--key-file", keys, "--out", before]);
        await Run("pprl", "key", "--key-file", keys);
        await Run(["pprl", "encode", people, "--id-column", "ref", .. Map, "--key-file", keys, "--out", after]);

        var (code, _, err) = await Run("pprl", "link", before, after, "--out", Path.Combine(_dir, "pairs.csv"));

        Assert.Equal(2, code);
        Assert.Contains("different keys", err, StringComparison.Ordinal);
        Assert.Equal(2, File.ReadAllLines(keys).Count(l => l.StartsWith("key ", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Encode_BadKeyFile_NamesFileLineAndField()
    {
        var keys = Write("bad.keys", "key k1 not-base64 2026-12-08T00:00:00Z\n");
        var people = Write("p.csv", "ref,name\nA,Ali Hassan\n");

        var (code, _, err) = await Run("pprl", "encode", people, "--id-column", "ref", "--map", "name=name", "--key-file", keys, "--out", Path.Combine(_dir, "e.csv"));

        Assert.Equal(2, code);
        Assert.Contains("bad.keys:1", err, StringComparison.Ordinal);
        Assert.Contains("field 'secret'", err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Link_TamperedEncodingFile_NamesLineAndField()
    {
        var good = Write("g.enc.csv", "id,key_id,bloom,identifiers\nA,k1," + Convert.ToBase64String(new byte[128]) + ",\n");
        var bad = Write("t.enc.csv", "id,key_id,bloom,identifiers\nA,k1," + Convert.ToBase64String(new byte[128]) + ",\nB,k1,AAAA,\n");

        var (code, _, err) = await Run("pprl", "link", good, bad, "--out", Path.Combine(_dir, "pairs.csv"));

        Assert.Equal(2, code);
        Assert.Contains("t.enc.csv:3", err, StringComparison.Ordinal);
        Assert.Contains("field 'bloom'", err, StringComparison.Ordinal);
    }
}
