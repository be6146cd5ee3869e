namespace Tessera.Core.Ingest;

/// <summary>The bounds every file read for import must stay within; beyond them the file is refused as bad input
/// (<see cref="Model.ModelException"/>) before its content is held in memory.</summary>
/// <remarks>The values are documented in docs/security.md ("Input limits"); a change here changes that table.</remarks>
public static class IngestLimits
{
    /// <summary>The largest upload accepted, in bytes (the SIENA message cap, 50 MB).</summary>
    public const long MaxUploadBytes = 50L * 1024 * 1024;

    /// <summary>The most bytes the entries of an XLSX workbook may expand to (200 MB).</summary>
    public const long MaxXlsxExpandedBytes = 200L * 1024 * 1024;

    /// <summary>The most entries (parts) an XLSX workbook may hold.</summary>
    public const int MaxXlsxEntries = 10_000;

    /// <summary>The most data rows a CSV file or XLSX sheet may hold.</summary>
    public const int MaxRows = 1_000_000;

    /// <summary>The most columns a CSV or XLSX row may hold.</summary>
    public const int MaxColumns = 1_000;

    /// <summary>The longest CSV or XLSX cell, in characters (64 Ki).</summary>
    public const int MaxFieldChars = 65_536;

    /// <summary>The longest FollowTheMoney JSON line, in characters (1 Mi).</summary>
    public const int MaxJsonLineChars = 1_048_576;

    /// <summary>The deepest nesting of a FollowTheMoney JSON line or a mapping (an entity needs 3 levels).</summary>
    public const int MaxJsonDepth = 16;

    /// <summary>The largest mapping file, in characters (1 Mi).</summary>
    public const int MaxMappingChars = 1_048_576;
}
