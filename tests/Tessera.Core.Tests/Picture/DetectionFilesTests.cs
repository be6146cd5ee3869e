using System.Text;
using Tessera.Core.Model;
using Tessera.Core.Picture;

namespace Tessera.Core.Tests.Picture;

/// <summary>Format recognition and row validation: a bad row names file, line and column.</summary>
public sealed class DetectionFilesTests
{
    private static DetectionBatch Read(string text) => DetectionFiles.Read("in.csv", Encoding.UTF8.GetBytes(text));

    [Theory]
    [InlineData("route,border_type,nationality,month,detections\nX,Sea,Syria,2023-1,5\n", 2, "month")]
    [InlineData("route,border_type,nationality,month,detections\nX,Sea,Syria,2023-01,5\nX,Sea,Syria,2023-02,-3\n", 3, "detections")]
    [InlineData("route,border_type,nationality,month,detections\nX,Sea,Syria,2023-01,five\n", 2, "detections")]
    [InlineData("route,border_type,nationality,month,detections\n,Sea,Syria,2023-01,5\n", 2, "route")]
    [InlineData("route,border_type,nationality,2023-01,2023-02\nX,Land,Syria,4,x\n", 2, "2023-02")]
    [InlineData("Data,Valore,Note,Fonte,Data_Report\n2023-01-01,3,,,2023-01-15\n2023-13-01,3,,,2023-01-15\n", 3, "Data")]
    [InlineData("reference,time,latitude,longitude,border_section,route,category,impact_level,persons\nI1,2025-01-01T10:00:00Z,95,12,IT-SEA,CM,sar,high,3\n", 2, "latitude")]
    [InlineData("reference,time,latitude,longitude,border_section,route,category,impact_level,persons\nI1,2025-01-01T10:00:00Z,35,12,IT-SEA,CM,sar,severe,3\n", 2, "impact_level")]
    public void Read_BadRow_NamesLineAndColumn(string text, int line, string column)
    {
        var ex = Assert.Throws<ModelException>(() => Read(text));

        Assert.Equal("in.csv", ex.File);
        Assert.Equal(line, ex.Line);
        Assert.Equal(column, ex.Field);
    }

    [Fact]
    public void Read_UnknownHeader_IsNotRecognised()
    {
        var ex = Assert.Throws<ModelException>(() => Read("a,b,c\n1,2,3\n"));

        Assert.Contains("not recognised", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DailyArrivals_TakesTheLatestReport()
    {
        var batch = Read("Data,Valore,Note,Fonte,Data_Report\n2023-01-01,3,,,2023-01-15\n2023-01-01,7,,,2023-01-31\n2023-01-02,,,,2023-01-31\n2023-01-02,4,,,2023-01-15\n");

        Assert.Equal([7L, 4L], batch.DailyArrivals.Select(d => d.Count));
        Assert.Single(batch.Warnings);
        Assert.Equal(4, batch.Warnings[0].Line);
    }

    [Fact]
    public void Read_SameBytes_SameHash()
    {
        const string text = "route,border_type,nationality,month,detections\nX,Sea,Syria,2023-01,5\n";

        Assert.Equal(Read(text).ContentHash, Read(text).ContentHash);
        Assert.NotEqual(Read(text).ContentHash, Read(text + "X,Sea,Syria,2023-02,5\n").ContentHash);
    }

    [Fact]
    public void Read_Incidents_ParsesLevelsAndPlace()
    {
        var batch = Read("reference,time,latitude,longitude,border_section,route,category,impact_level,persons\nI1,2025-01-01T10:00:00Z,35.5,12.6,IT-SEA,Central Mediterranean Route,search and rescue,very high,41\n");

        var incident = Assert.Single(batch.Incidents);
        Assert.Equal(IncidentImpactLevel.VeryHigh, incident.ImpactLevel);
        Assert.Equal(35.5, incident.Latitude);
        Assert.Equal(41, incident.Persons);
    }

    [Theory]
    [InlineData("JAN2009", 2009, 1)]
    [InlineData("dec2024", 2024, 12)]
    public void ParseMonth_FrontexHeader_IsAMonth(string header, int year, int month) =>
        Assert.Equal(new YearMonth(year, month), FrontexWorkbook.ParseMonth(header));

    [Theory]
    [InlineData("Route")]
    [InlineData("JANX009")]
    [InlineData("FOO2009")]
    public void ParseMonth_OtherHeader_IsNull(string header) => Assert.Null(FrontexWorkbook.ParseMonth(header));
}
