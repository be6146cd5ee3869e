using Microsoft.Extensions.Time.Testing;
using Tessera.Core.Normalisation;

namespace Tessera.Core.Tests.Normalisation;

public sealed class DateNormaliserTests
{
    private static readonly NormalisationContext In2026 = new(Clock: new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 0, 0, 0, TimeSpan.Zero)));

    [Theory]
    [InlineData("1990-03-07", "1990-03-07", "day")]
    [InlineData("19900307", "1990-03-07", "day")]
    [InlineData("17/03/1990", "1990-03-17", "day")]
    [InlineData("17.3.1990", "1990-03-17", "day")]
    [InlineData("03/17/1990", "1990-03-17", "day")]
    [InlineData("7 March 1990", "1990-03-07", "day")]
    [InlineData("March 7th, 1990", "1990-03-07", "day")]
    [InlineData("7 mars 1990", "1990-03-07", "day")]
    [InlineData("7. März 1990", "1990-03-07", "day")]
    [InlineData("7 marzo 1990", "1990-03-07", "day")]
    [InlineData("7 de marzo de 1990", "1990-03-07", "day")]
    [InlineData("7 مارس 1990", "1990-03-07", "day")]
    [InlineData("07-Mar-90", "1990-03-07", "day")]
    [InlineData("1990-03-07T10:15:00Z", "1990-03-07", "day")]
    [InlineData("03/1990", "1990-03", "month")]
    [InlineData("1990-03", "1990-03", "month")]
    [InlineData("March 1990", "1990-03", "month")]
    [InlineData("1990", "1990", "year")]
    [InlineData("١٩٩٠-٠٣-٠٧", "1990-03-07", "day")]
    public void Normalise_CommonForms_IsoValue(string raw, string value, string precision)
    {
        var result = DateNormaliser.Normalise(raw, In2026);

        Assert.True(result.Valid, result.Reason);
        Assert.Equal(value, result.Value);
        Assert.Equal(precision, result.Precision);
        Assert.False(result.Ambiguous);
    }

    [Theory]
    [InlineData("03/07/1990")]
    [InlineData("3.7.1990")]
    public void Normalise_DayMonthAmbiguous_IntervalWithBothReadings(string raw)
    {
        var result = DateNormaliser.Normalise(raw, In2026);

        Assert.True(result.Valid);
        Assert.True(result.Ambiguous);
        Assert.Equal("1990-07-03", result.Value);
        Assert.Equal(["1990-07-03", "1990-03-07"], result.Readings);
        Assert.Equal("1990-03-07", result.Earliest);
        Assert.Equal("1990-07-03", result.Latest);
    }

    [Theory]
    [InlineData("01/01/1985", "1985-01-01", "day")]
    [InlineData("00/00/1985", "1985", "year")]
    [InlineData("1985-00-00", "1985", "year")]
    [InlineData("00/03/1985", "1985-03", "month")]
    [InlineData("XX/XX/1985", "1985", "year")]
    public void Normalise_PlaceholderDates_Flagged(string raw, string value, string precision)
    {
        var result = DateNormaliser.Normalise(raw, In2026);

        Assert.True(result.Valid, result.Reason);
        Assert.True(result.Placeholder);
        Assert.Equal(value, result.Value);
        Assert.Equal(precision, result.Precision);
    }

    [Fact]
    public void Normalise_YearOnly_IntervalIsWholeYear()
    {
        var result = DateNormaliser.Normalise("1990", In2026);

        Assert.Equal("1990-01-01", result.Earliest);
        Assert.Equal("1990-12-31", result.Latest);
        Assert.False(result.Placeholder);
    }

    [Theory]
    // 1 Muharram 1440 AH = 11 September 2018 and 1 Ramadan 1445 AH = 11 March 2024 (Umm al-Qura);
    // 12 Mordad 1369 SH = 3 August 1990 (Mordad begins on 23 July).
    [InlineData("1440-01-01 AH", "2018-09-11", DateCalendar.Hijri)]
    [InlineData("01/09/1445 هـ", "2024-03-11", DateCalendar.Hijri)]
    [InlineData("١٤٤٥/٠٩/٠١", "2024-03-11", DateCalendar.Hijri)]
    [InlineData("1369/05/12 SH", "1990-08-03", DateCalendar.SolarHijri)]
    [InlineData("۱۳۶۹/۰۵/۱۲", "1990-08-03", DateCalendar.SolarHijri)]
    [InlineData("1369/05/12 ه.ش", "1990-08-03", DateCalendar.SolarHijri)]
    [InlineData("۱۲ مرداد ۱۳۶۹", "1990-08-03", DateCalendar.SolarHijri)]
    [InlineData("12 Asad 1369", "1990-08-03", DateCalendar.SolarHijri)]
    [InlineData("12 اسد 1369", "1990-08-03", DateCalendar.SolarHijri)]
    [InlineData("1 رمضان 1445", "2024-03-11", DateCalendar.Hijri)]
    [InlineData("1 Muharram 1440 AH", "2018-09-11", DateCalendar.Hijri)]
    [InlineData("١ محرم ١٤٤٠ هـ", "2018-09-11", DateCalendar.Hijri)]
    public void Normalise_HijriAndSolarHijri_ConvertedToGregorian(string raw, string value, DateCalendar calendar)
    {
        var result = DateNormaliser.Normalise(raw, In2026);

        Assert.True(result.Valid, result.Reason);
        Assert.Equal(value, result.Value);
        Assert.Equal(calendar, result.Calendar);
    }

    [Fact]
    public void Normalise_SolarHijriYearOnly_IntervalAcrossTwoGregorianYears()
    {
        var result = DateNormaliser.Normalise("1369 SH", In2026);

        Assert.True(result.Valid, result.Reason);
        Assert.Equal("1990-03-21", result.Earliest);
        Assert.Equal("1991-03-20", result.Latest);
        Assert.Equal("1990-03-21/1991-03-20", result.Value);
    }

    [Theory]
    [InlineData("31/02/1990", "day 31")]
    [InlineData("1990-13-01", "month 13")]
    [InlineData("1369/05/12", "Hijri")]
    [InlineData("yesterday", "unrecognised")]
    [InlineData("", "empty")]
    [InlineData("12/05", "four-digit year")]
    public void Normalise_Impossible_InvalidWithReason(string raw, string reason)
    {
        var result = DateNormaliser.Normalise(raw, In2026);

        Assert.False(result.Valid);
        Assert.Contains(reason, result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalise_TwoDigitYear_NotInTheFuture()
    {
        Assert.Equal("2015-03-07", DateNormaliser.Normalise("07/03/15", In2026).Value);
        Assert.Equal("1990-03-07", DateNormaliser.Normalise("07.03.90", In2026).Value);
    }

    [Theory]
    [InlineData("02/06/2026 21:14", "2026-06-02")]
    [InlineData("7.3.1990 08:05:59", "1990-03-07")]
    [InlineData("1990-03-07 10:00", "1990-03-07")]
    public void Normalise_DateWithTimeOfDay_KeepsTheDate(string raw, string expected)
    {
        var result = DateNormaliser.Normalise(raw);

        Assert.True(result.Valid, result.Reason);
        Assert.Equal(expected, result.Value);
    }
}
