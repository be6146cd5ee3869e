namespace Tessera.Core.Picture;

/// <summary>A monthly count of detections of irregular border crossing for one route, border type, section and nationality.</summary>
/// <param name="BorderSection">The EUROSUR border section when the source gives it; empty when it does not.</param>
/// <param name="Source">Who reported the count, e.g. <see cref="PictureSources.Frontex"/>.</param>
public sealed record DetectionCount(
    YearMonth Month,
    string Route,
    string BorderType,
    string Nationality,
    long Count,
    string Source,
    string? NationalityIso3 = null,
    string BorderSection = "");

/// <summary>Arrivals on one day from a national daily series (e.g. Italy's "cruscotto statistico giornaliero").</summary>
/// <param name="ReportDate">The report the value was taken from: the latest report covering the day.</param>
public sealed record DailyArrival(DateOnly Day, string Route, long Count, string Source, DateOnly ReportDate);

/// <summary>A row that was left out of an import, with where it is and why.</summary>
public sealed record ImportWarning(string File, int Line, string Column, string Reason);

/// <summary>The content of one imported file, parsed and validated, ready to be stored in one transaction.</summary>
/// <param name="Format">The recognised format, e.g. <see cref="DetectionFormat.FrontexWorkbook"/>.</param>
/// <param name="Vintage">The "data as of" date of the source (Frontex revises back months), when the file states it.</param>
/// <param name="ContentHash">SHA-256 of the file's bytes: importing the same file again adds nothing.</param>
public sealed record DetectionBatch(
    string FileName,
    DetectionFormat Format,
    string Source,
    string? Vintage,
    string ContentHash,
    IReadOnlyList<DetectionCount> Detections,
    IReadOnlyList<DailyArrival> DailyArrivals,
    IReadOnlyList<Incident> Incidents,
    IReadOnlyList<ImportWarning> Warnings);

/// <summary>The formats of detection files Tessera recognises.</summary>
public enum DetectionFormat
{
    /// <summary>Frontex's "Monthly detections of IBC" workbook as published (sheet <c>Detections_of_IBC</c>, months <c>JAN2009</c>…).</summary>
    FrontexWorkbook,

    /// <summary>The same sheet as CSV: <c>route,border_type,nationality,2009-01,…</c>.</summary>
    FrontexWideCsv,

    /// <summary>Long CSV: <c>route,border_type,nationality[,nationality_iso3],month,detections</c>, optionally <c>border_section</c> and <c>source</c>.</summary>
    DetectionsLongCsv,

    /// <summary>Daily arrivals (<c>Data,Valore,…,Data_Report</c>), the Italian Interior Ministry's daily dashboard.</summary>
    ItalianDailyArrivals,

    /// <summary>Incidents CSV: <c>reference,time,latitude,longitude,border_section,route,category,impact_level,persons</c>.</summary>
    IncidentsCsv,
}

/// <summary>Names of the sources of detection data.</summary>
public static class PictureSources
{
    /// <summary>Frontex FRAN monthly detections of irregular border crossing.</summary>
    public const string Frontex = "Frontex";

    /// <summary>Italian Ministry of the Interior, daily sea arrivals.</summary>
    public const string ItalyDaily = "IT-MoI";

    /// <summary>The route Italian sea arrivals belong to.</summary>
    public const string CentralMediterranean = "Central Mediterranean Route";
}
