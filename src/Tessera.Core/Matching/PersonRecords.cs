using Tessera.Core.Model;

namespace Tessera.Core.Matching;

/// <summary>Builds the matcher's view of a person from stored values, raw as provided (the matcher normalises them itself).</summary>
public static class PersonRecords
{
    /// <summary>A person record from an entity's values; null when the values hold no name and no strong identifier.</summary>
    /// <remarks>The first value of a single-valued property counts (for birth date and nationality its normalised form when
    /// there is one); multi-valued properties keep their distinct values in order; aliases are the names after the first and
    /// the aliases. One pass over the values: the cross-check builds a record for every stored person.</remarks>
    public static PersonRecord? From(string id, IEnumerable<PropertyValue> values)
    {
        string? name = null, first = null, middle = null, last = null, father = null, place = null, gender = null;
        PropertyValue? born = null, nationality = null;
        List<string> names = [], aliases = [], idNumbers = [], passports = [], phones = [], emails = [], ibans = [];
        foreach (var v in values)
        {
            switch (v.Property)
            {
                case "name":
                    name ??= v.Value;
                    Distinct(names, v.Value);
                    break;
                case "alias":
                    Distinct(names, v.Value);
                    Distinct(aliases, v.Value);
                    break;
                case "firstName": first ??= v.Value; break;
                case "middleName": middle ??= v.Value; break;
                case "lastName": last ??= v.Value; break;
                case "fatherName": father ??= v.Value; break;
                case "birthPlace": place ??= v.Value; break;
                case "gender": gender ??= v.Value; break;
                case "birthDate": born ??= v; break;
                case "nationality": nationality ??= v; break;
                case "idNumber": Distinct(idNumbers, v.Value); break;
                case "passportNumber": Distinct(passports, v.Value); break;
                case "phone": Distinct(phones, v.Value); break;
                case "email": Distinct(emails, v.Value); break;
                case "iban": Distinct(ibans, v.Value); break;
                default: break;
            }
        }

        // The names and aliases after the first, then the aliases, each once.
        var others = new List<string>();
        foreach (var n in names.Skip(1).Concat(aliases))
        {
            Distinct(others, n);
        }

        var record = new PersonRecord(id)
        {
            Name = name,
            FirstName = first,
            MiddleName = middle,
            LastName = last,
            FatherName = father,
            Aliases = others,
            BirthDate = born?.Normalised ?? born?.Value,
            BirthPlace = place,
            Nationality = nationality?.Normalised ?? nationality?.Value,
            Gender = gender,
            IdNumbers = idNumbers,
            PassportNumbers = passports,
            Phones = phones,
            Emails = emails,
            Ibans = ibans,
        };
        return record.Name is null && !record.HasNameParts && record.Phones.Count == 0 && record.PassportNumbers.Count == 0 && record.IdNumbers.Count == 0
            ? null
            : record;
    }

    // An entity holds a handful of values per property: a linear scan keeps the first of each, as Distinct() does.
    private static void Distinct(List<string> into, string value)
    {
        if (!into.Contains(value, StringComparer.Ordinal))
        {
            into.Add(value);
        }
    }
}
