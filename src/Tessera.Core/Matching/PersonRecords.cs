using Tessera.Core.Model;

namespace Tessera.Core.Matching;

/// <summary>Builds the matcher's view of a person from stored values, raw as provided (the matcher normalises them itself).</summary>
public static class PersonRecords
{
    /// <summary>A person record from an entity's values; null when the values hold no name and no strong identifier.</summary>
    public static PersonRecord? From(string id, IEnumerable<PropertyValue> values)
    {
        var list = values.ToList();
        string? First(string p) => list.FirstOrDefault(v => v.Property == p)?.Value;
        List<string> All(params string[] ps) => list.Where(v => ps.Contains(v.Property)).Select(v => v.Value).Distinct(StringComparer.Ordinal).ToList();
        var record = new PersonRecord(id)
        {
            Name = First("name"),
            FirstName = First("firstName"),
            MiddleName = First("middleName"),
            LastName = First("lastName"),
            FatherName = First("fatherName"),
            Aliases = All("alias", "name").Skip(1).Concat(All("alias")).Distinct(StringComparer.Ordinal).ToList(),
            BirthDate = list.FirstOrDefault(v => v.Property == "birthDate")?.Normalised ?? First("birthDate"),
            BirthPlace = First("birthPlace"),
            Nationality = list.FirstOrDefault(v => v.Property == "nationality")?.Normalised ?? First("nationality"),
            Gender = First("gender"),
            IdNumbers = All("idNumber"),
            PassportNumbers = All("passportNumber"),
            Phones = All("phone"),
            Emails = All("email"),
            Ibans = All("iban"),
        };
        return record.Name is null && !record.HasNameParts && record.Phones.Count == 0 && record.PassportNumbers.Count == 0 && record.IdNumbers.Count == 0
            ? null
            : record;
    }
}
