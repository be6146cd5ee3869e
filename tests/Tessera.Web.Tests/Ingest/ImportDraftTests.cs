using System.Globalization;
using Tessera.Core.Model;
using Tessera.Web.Ingest;

namespace Tessera.Web.Tests.Ingest;

/// <summary>The import wizard's file and terms: the size limit's message, the handling codes and H3's text.</summary>
public sealed class ImportDraftTests
{
    [Theory]
    [InlineData(1024L, null)]
    [InlineData(ImportEndpoints.MaxUploadBytes, null)]
    [InlineData(ImportEndpoints.MaxUploadBytes + 1, "big.csv is 50.0 MB; the limit is 50 MB. Split the file and import the parts.")]
    [InlineData(80L * 1024 * 1024, "big.csv is 80.0 MB; the limit is 50 MB. Split the file and import the parts.")]
    public void SizeProblem_AtAndOverTheLimit_NamesFileSizeAndLimit(long size, string? expected)
    {
        Assert.Equal(expected, ImportDraft.SizeProblem("big.csv", size, CultureInfo.GetCultureInfo("en-GB")));
    }

    [Fact]
    public void Terms_H3WithoutText_AreNotUsable_AndWithTextBecomeTheRequest()
    {
        var terms = new ImportTerms { CaseId = "OP-ZUWARA", H0 = true, H3 = true, Reliability = "C", Accuracy = 3 };
        Assert.Contains("H3", terms.Problem, StringComparison.Ordinal);

        terms.H3Text = "  ask the Malta desk first ";
        var contribution = terms.ToRequest("MT").ToContribution("f.csv", "hash", "mt.analyst", DateTimeOffset.UnixEpoch);

        Assert.Null(terms.Problem);
        Assert.Equal(("MT", "OP-ZUWARA", "H0,H3", "ask the Malta desk first"), (contribution.Organisation, contribution.CaseId, contribution.Handling.ToString(), contribution.Handling.H3Text));
        Assert.Equal((SourceReliability.C, 3), (contribution.Reliability, contribution.Accuracy));
    }

    [Fact]
    public void Terms_NoCodeOrNoCase_NoCodeIsAProblem_NoCaseIsNone()
    {
        Assert.NotNull(new ImportTerms { H0 = false }.Problem);
        Assert.Null(new ImportTerms().ToRequest("IT").CaseId);
    }
}
