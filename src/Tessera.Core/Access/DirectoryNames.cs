using System.Text.RegularExpressions;
using Tessera.Core.Model;

namespace Tessera.Core.Access;

/// <summary>The shapes the directory accepts for organisation codes, user names, case ids and free text (display names,
/// titles, token labels): what an administrator types becomes part of audit targets, namespaced ids and CSV exports, so
/// separators, control characters and unbounded lengths are refused before anything is stored.</summary>
public static partial class DirectoryNames
{
    /// <summary>The longest free text (a name, a title, a label).</summary>
    public const int MaxText = 200;

    /// <summary>An organisation code: 1–32 upper-case letters, digits or <c>-</c>, starting with a letter (<c>IT</c>, <c>EU-HUB</c>).</summary>
    /// <remarks>A colon is excluded: codes prefix provider-namespaced ids (<c>ORG:local-id</c>, <see cref="ProviderIds"/>).</remarks>
    /// <exception cref="ModelException">The code has another shape.</exception>
    public static string OrganisationCode(string? value, string field = "code") =>
        Check(value, OrganisationPattern(), field, "an organisation code is 1–32 upper-case letters, digits or '-', starting with a letter");

    /// <summary>A country: an ISO 3166-1 alpha-2 code in upper case, or <c>EU</c> for an agency.</summary>
    /// <exception cref="ModelException">The country has another shape.</exception>
    public static string Country(string? value, string field = "country") =>
        Check(value, CountryPattern(), field, "a country is a two-letter ISO code in upper case (EU for an agency)");

    /// <summary>A user name: 1–64 letters, digits, <c>.</c>, <c>_</c>, <c>-</c> or <c>@</c>, starting with a letter or digit.</summary>
    /// <exception cref="ModelException">The name has another shape.</exception>
    public static string UserName(string? value, string field = "name") =>
        Check(value, UserPattern(), field, "a user name is 1–64 letters, digits, '.', '_', '-' or '@', starting with a letter or digit");

    /// <summary>A case id: 1–64 letters, digits, <c>.</c>, <c>_</c> or <c>-</c>, starting with a letter or digit.</summary>
    /// <exception cref="ModelException">The id has another shape.</exception>
    public static string CaseId(string? value, string field = "id") =>
        Check(value, CasePattern(), field, "a case id is 1–64 letters, digits, '.', '_' or '-', starting with a letter or digit");

    /// <summary>Free text: trimmed, not empty, at most <see cref="MaxText"/> characters, no control characters.</summary>
    /// <exception cref="ModelException">The text is empty, too long or holds a control character.</exception>
    public static string Text(string? value, string field)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0)
        {
            throw new ModelException($"{field} is required", field: field);
        }

        if (text.Length > MaxText)
        {
            throw new ModelException($"{field} is longer than {MaxText} characters", field: field);
        }

        if (text.Any(char.IsControl))
        {
            throw new ModelException($"{field} holds a control character", field: field);
        }

        return text;
    }

    /// <summary>A role as administrators write it: <c>analyst</c>, <c>hub-analyst</c>, <c>policy-officer</c> …</summary>
    public static string RoleName(Role role) => role switch
    {
        Role.Analyst => "analyst",
        Role.Supervisor => "supervisor",
        Role.HubAnalyst => "hub-analyst",
        Role.PolicyOfficer => "policy-officer",
        Role.Auditor => "auditor",
        Role.Administrator => "administrator",
        _ => throw new ArgumentOutOfRangeException(nameof(role)),
    };

    private static string Check(string? value, Regex pattern, string field, string rule)
    {
        if (string.IsNullOrEmpty(value))
        {
            throw new ModelException($"{field} is required", field: field);
        }

        return pattern.IsMatch(value) ? value : throw new ModelException(rule, field: field);
    }

    [GeneratedRegex("^[A-Z][A-Z0-9-]{0,31}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex OrganisationPattern();

    [GeneratedRegex("^[A-Z]{2}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex CountryPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._@-]{0,63}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex UserPattern();

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex CasePattern();
}
