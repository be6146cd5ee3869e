using System.Globalization;
using Tessera.Web.Components;

namespace Tessera.Web.Tests.Components;

/// <summary>Dates and numbers in the user's European culture, day first, times in UTC.</summary>
public sealed class FormatsTests
{
    private static readonly DateTimeOffset Moment = new(2026, 12, 7, 16, 7, 31, TimeSpan.FromHours(1));

    [Theory]
    [InlineData("en-GB", "07/12/2026 15:07 UTC", "12,345", "96.8%")]
    [InlineData("de-DE", "07.12.2026 15:07 UTC", "12.345", null)]
    [InlineData("it-IT", "07/12/2026 15:07 UTC", "12.345", null)]
    [InlineData("en-US", "12/07/2026 15:07 UTC", "12,345", "96.8%")]
    public void Formats_InEachCulture_WriteTheCulturesOrderWithTwoDigitDaysAndUtcTimes(string culture, string dateTime, string number, string? percent)
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);

            Assert.Equal(dateTime, Formats.DateTime(Moment));
            Assert.Equal(number, Formats.Number(12_345));
            if (percent is not null)
            {
                Assert.Equal(percent, Formats.Percent(0.968));
            }

            Assert.Equal("2026-12-07T15:07:31Z", Formats.Iso(Moment));
            Assert.Equal("12345", Formats.Id(12_345));
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void DateTime_None_IsEmpty() => Assert.Equal("", Formats.DateTime(null));
}
