namespace Tessera.Core.Model;

/// <summary>Input that does not fit the model or the rules: an unknown schema or property, a bad value.</summary>
/// <remarks>Carries where the problem is (file, line, field) so that hosts can name it; maps to exit code 2 and HTTP 400,
/// or HTTP 404 when the input names something that does not exist (<see cref="NotFound"/>).</remarks>
public sealed class ModelException : Exception
{
    public ModelException(string message, string? file = null, int? line = null, string? field = null)
        : base(message)
    {
        File = file;
        Line = line;
        Field = field;
    }

    public ModelException()
    {
    }

    public ModelException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public string? File { get; }

    /// <summary>True when the input names something that does not exist for the caller (a case, a record).</summary>
    public bool NotFound { get; private init; }

    /// <summary>True when the input is well formed but clashes with the current state (a step already taken, a name
    /// already used); HTTP 409.</summary>
    public bool Conflict { get; private init; }

    public int? Line { get; }

    public string? Field { get; }

    /// <summary>Input naming something that does not exist for the caller.</summary>
    public static ModelException Unknown(string message, string? field = null) => new(message, field: field) { NotFound = true };

    /// <summary>Input that clashes with the current state: the step was already taken, the name is already used.</summary>
    public static ModelException Clash(string message, string? field = null) => new(message, field: field) { Conflict = true };

    /// <summary>The same problem, located in a file and line.</summary>
    public ModelException At(string? file, int? line, string? field = null) =>
        new(Message, file ?? File, line ?? Line, field ?? Field) { NotFound = NotFound, Conflict = Conflict };

    /// <summary>"file:line: field: message", leaving out what is unknown.</summary>
    public string Describe()
    {
        var where = string.Join(':', new[] { File, Line?.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Where(s => s is not null));
        var field = Field is null ? "" : $"field '{Field}': ";
        return where.Length == 0 ? field + Message : $"{where}: {field}{Message}";
    }
}
