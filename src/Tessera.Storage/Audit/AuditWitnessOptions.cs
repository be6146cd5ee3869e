using System.Globalization;

namespace Tessera.Storage.Audit;

/// <summary>Where and how often a serving node appends its signed audit head to a witness file.</summary>
/// <param name="File">The witness file (<c>TESSERA_AUDIT_WITNESS_FILE</c>); none when null. Keep it on storage the node's
/// database administrators cannot rewrite: another machine, a write-once share.</param>
/// <param name="Interval">How often (<c>TESSERA_AUDIT_WITNESS_MINUTES</c>, default 60, at least 1).</param>
public sealed record AuditWitnessOptions(string? File, TimeSpan Interval)
{
    public const string FileVariable = "TESSERA_AUDIT_WITNESS_FILE";
    public const string MinutesVariable = "TESSERA_AUDIT_WITNESS_MINUTES";

    /// <summary>The options from the environment.</summary>
    /// <exception cref="ArgumentException">The interval is not a whole number of minutes of at least 1.</exception>
    public static AuditWitnessOptions FromEnvironment()
    {
        var file = Environment.GetEnvironmentVariable(FileVariable) is { Length: > 0 } f ? Path.GetFullPath(f) : null;
        var minutes = 60;
        if (Environment.GetEnvironmentVariable(MinutesVariable) is { Length: > 0 } m &&
            (!int.TryParse(m, NumberStyles.None, CultureInfo.InvariantCulture, out minutes) || minutes < 1))
        {
            throw new ArgumentException($"{MinutesVariable} must be a whole number of minutes, at least 1 (is '{m}')");
        }

        return new AuditWitnessOptions(file, TimeSpan.FromMinutes(minutes));
    }
}
