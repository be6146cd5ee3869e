using Tessera.Core.Matching;
using Tessera.Core.Normalisation.Names;

namespace Tessera.Core.Tests.Names;

public sealed class ScriptTablesTests
{
    [Theory]
    [InlineData("王伟", "wang wei")]
    [InlineData("习近平", "xi jinping")]
    [InlineData("欧阳修", "ouyang xiu")]
    [InlineData("박지성", "park jiseong")]
    [InlineData("김정은", "kim jeongeun")]
    [InlineData("남궁민", "namgoong min")]
    [InlineData("バラク・オバマ", "baraku obama")]
    [InlineData("नरेन्द्र मोदी", "narendra modi")]
    [InlineData("अमित शाह", "amit shah")]
    [InlineData("ពត", "pot")]
    [InlineData("Александар Вучић", "aleksandar vucic")]
    [InlineData("Сергей Лавров", "sergei lavrov")]
    [InlineData("贝拉克·奥巴马", "beilake aobama")]
    public void Transliteration_NewScripts_WritesLatin(string text, string expected)
    {
        Assert.Equal(expected, PersonName.Parse(text).ToString());
    }

    [Theory]
    [InlineData("박지성", "Park Ji-sung")]
    [InlineData("이재명", "Lee Jae-myung")]
    [InlineData("김정은", "Kim Jong Un")]
    [InlineData("王伟", "Wang Wei")]
    [InlineData("习近平", "Xi Jinping")]
    [InlineData("バラク・オバマ", "Barack Obama")]
    [InlineData("贝拉克·奥巴马", "Barack Obama")]
    [InlineData("ប៉ុល ពត", "Pol Pot")]
    [InlineData("नरेन्द्र मोडी", "नरेन्द्र मोदी")]
    [InlineData("Александар Вучић", "Aleksandar Vučić")]
    [InlineData("Александар Вукић", "Александар Вучић")]
    [InlineData("Мухаммед", "Muhammad")]
    [InlineData("محمد", "Muhammad")]
    public void NameMatcher_SameNameAcrossNewScripts_Matches(string left, string right)
    {
        Assert.True(NameMatcher.Compare(left, right).IsMatch, NameMatcher.Compare(left, right).LevelName);
    }

    [Theory]
    [InlineData("김종은", "김정은")]
    [InlineData("이재형", "이재명")]
    [InlineData("习近朋", "习近平")]
    [InlineData("高石早苗", "高市早苗")]
    public void NameMatcher_OneCharacterApartInHanOrHangul_DoesNotMatch(string left, string right)
    {
        Assert.False(NameMatcher.Compare(left, right).IsMatch);
    }

    [Theory]
    [InlineData("Park", "박")]
    [InlineData("Lee", "Yi")]
    [InlineData("Rhee", "이")]
    [InlineData("Choi", "Choe")]
    [InlineData("Kim", "Gim")]
    public void EquivalenceTable_KoreanSurnameSpellings_ShareGroup(string left, string right)
    {
        var a = PersonName.Parse(left).Tokens.Single();
        var b = PersonName.Parse(right).Tokens.Single();

        Assert.True(a.Equivalence >= 0, $"{left} has no group");
        Assert.Equal(a.Equivalence, b.Equivalence);
    }

    [Theory]
    [InlineData("Barack Obama", "Барак Хусеин Обама")]
    [InlineData("Jamal Sultan al-Tikriti", "Jamal Mustafa Abdallah Sultan al-Tikriti")]
    public void NameMatcher_InteriorNamesLeftOut_Matches(string left, string right)
    {
        Assert.True(NameMatcher.Compare(left, right).IsMatch);
    }

    [Theory]
    [InlineData("Ali Khan", "Ali Akbar Khan Durrani")]
    [InlineData("Hans O Friedrich", "Hans Joachim Friedrich")]
    public void NameMatcher_ExtraOuterOrConflictingNames_DoesNotMatch(string left, string right)
    {
        Assert.False(NameMatcher.Compare(left, right).IsMatch);
    }

    [Theory]
    [InlineData("A.B.C. Company", "ABC Company")]
    [InlineData("HSBC Holdings p.l.c.", "HSBC Holdings plc")]
    [InlineData("Volkswagen GmbH", "Volkswagen Gesellschaft mit beschränkter Haftung")]
    public void NameMatcher_AbbreviationsWrittenWithDots_Match(string left, string right)
    {
        Assert.True(NameMatcher.Compare(left, right).IsMatch);
    }

    [Theory]
    [InlineData("Adbul Bari Akhund", "abdbari akhund")]
    [InlineData("Abudl Rahman", "abdrahman")]
    public void Compounds_TransposedParticle_StillOneUnit(string text, string expected)
    {
        Assert.Equal(expected, PersonName.Parse(text).ToString());
    }
}
