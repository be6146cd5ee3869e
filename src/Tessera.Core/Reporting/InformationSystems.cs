namespace Tessera.Core.Reporting;

/// <summary>The information systems named in action I.3 of Council note 13901/23, recognised in a reference list's declared
/// source (the name it was imported under, e.g. <c>SIS-alerts-2025.csv</c> or <c>interpol-sltd</c>).</summary>
public static class InformationSystems
{
    /// <summary>Checks against every stored contribution rather than one list.</summary>
    public const string Tessera = "Tessera";

    /// <summary>A list whose source names none of the systems.</summary>
    public const string Other = "other";

    // Longer names first, so that "SIENA" is not read as "SIS"-something and "EURODAC" wins over nothing.
    private static readonly (string Token, string System)[] Tokens =
    [
        ("SLTD", "SLTD"), ("FADO", "FADO"), ("FIELDS", "FIELDS"), ("SIENA", "EIS"), ("EIS", "EIS"), ("EURODAC", "Eurodac"),
        ("VIS", "VIS"), ("SIS", "SIS"), ("INTERPOL", "Interpol"),
    ];

    /// <summary>The systems in report order.</summary>
    public static IReadOnlyList<string> All { get; } = ["SIS", "SLTD", "FADO", "EIS", "FIELDS", "VIS", "Eurodac", "Interpol", Other, Tessera];

    /// <summary>The system <paramref name="list"/> belongs to: the first system whose name stands in the list's source as a
    /// word of its own (split at anything but letters and digits); <see cref="Tessera"/> for a check against all data.</summary>
    public static string Of(string list)
    {
        if (list == "all")
        {
            return Tessera;
        }

        var words = list.ToUpperInvariant().Split([.. list.Where(c => !char.IsLetterOrDigit(c)).Distinct()], StringSplitOptions.RemoveEmptyEntries);
        foreach (var (token, system) in Tokens)
        {
            if (words.Contains(token))
            {
                return system;
            }
        }

        return Other;
    }
}
