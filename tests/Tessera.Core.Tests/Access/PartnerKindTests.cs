using CsCheck;
using Tessera.Core.Access;
using Tessera.Core.Model;

namespace Tessera.Core.Tests.Access;

/// <summary>Third countries and international organisations learn nothing of a contribution without a transfer (Europol
/// Regulation Art. 25); a transfer lifts only that gate.</summary>
public sealed class PartnerKindTests
{
    private static readonly IReadOnlyDictionary<string, string> ToSerbia = new Dictionary<string, string> { ["RS"] = "operational agreement 2023" };

    [Theory]
    [InlineData("member-state", PartnerKind.MemberState)]
    [InlineData("eu-agency", PartnerKind.EuAgency)]
    [InlineData("third-country", PartnerKind.ThirdCountry)]
    [InlineData("International-Organisation", PartnerKind.InternationalOrganisation)]
    [InlineData("national", PartnerKind.MemberState)]
    [InlineData("agency", PartnerKind.EuAgency)]
    public void TryParse_WrittenKinds_AreRead(string text, PartnerKind expected)
    {
        Assert.True(PartnerKinds.TryParse(text, out var kind));
        Assert.Equal(expected, kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("state")]
    [InlineData("third country")]
    public void TryParse_AnythingElse_IsRefused(string? text) => Assert.False(PartnerKinds.TryParse(text, out _));

    [Fact]
    public void Decide_ThirdPartyWithoutTransfer_LearnsNothingNotEvenAHit()
    {
        Gen.Select(Gen.Enum<Role>(), Gen.Enum<AccessAction>(), Gen.Enum<SubjectCategory>(), Gen.Enum<HandlingCode>().Array[1, 4], Gen.Bool, Gen.Bool)
            .Sample((role, action, subject, codes, partner, international) =>
            {
                var serbia = Serbian(role, international);
                var target = Target(codes, subject, partner ? ["GR", "RS"] : ["GR"], Contribution.NoTransfers);
                var decision = AccessPolicy.Decide(serbia, action, target);
                return action is AccessAction.View or AccessAction.Export ? decision == Decision.Deny : true;
            }, iter: 20_000);
    }

    [Fact]
    public void Decide_ThirdPartyWithTransfer_GetsExactlyWhatAMemberStateWould()
    {
        Gen.Select(Gen.Enum<Role>(), Gen.Enum<AccessAction>(), Gen.Enum<SubjectCategory>(), Gen.Enum<HandlingCode>().Array[1, 4], Gen.Bool)
            .Sample((role, action, subject, codes, partner) =>
            {
                var target = Target(codes, subject, partner ? ["GR", "RS"] : ["GR"], ToSerbia);
                var member = Serbian(role, false) with { Kind = PartnerKind.MemberState };
                return AccessPolicy.Decide(Serbian(role, false), action, target) == AccessPolicy.Decide(member, action, target);
            }, iter: 20_000);
    }

    [Fact]
    public void Decide_ATransfer_NeverChangesWhatOthersSee()
    {
        Gen.Select(Gen.Enum<Role>(), Gen.Enum<AccessAction>(), Gen.Enum<SubjectCategory>(), Gen.Enum<HandlingCode>().Array[1, 4], Gen.Enum<PartnerKind>())
            .Sample((role, action, subject, codes, kind) =>
            {
                var italian = new Principal("u", "IT", new HashSet<Role> { role }) { Kind = kind };
                return AccessPolicy.Decide(italian, action, Target(codes, subject, ["GR"], ToSerbia))
                    == AccessPolicy.Decide(italian, action, Target(codes, subject, ["GR"], Contribution.NoTransfers));
            }, iter: 20_000);
    }

    [Fact]
    public void Decide_ThirdPartysOwnData_IsItsOwn()
    {
        var serbia = Serbian(Role.Analyst, false);
        var own = new AccessTarget("RS", new HashSet<string>(), HandlingCodes.Parse("H0,H2"), SubjectCategory.Suspect);

        Assert.Equal(Decision.Allow, AccessPolicy.Decide(serbia, AccessAction.View, own));
    }

    private static Principal Serbian(Role role, bool international) =>
        new("rs.analyst", "RS", new HashSet<Role> { role }) { Kind = international ? PartnerKind.InternationalOrganisation : PartnerKind.ThirdCountry };

    private static AccessTarget Target(HandlingCode[] codes, SubjectCategory subject, string[] members, IReadOnlyDictionary<string, string> transfers)
    {
        var set = codes.ToHashSet();
        return new AccessTarget("GR", members.ToHashSet(), new HandlingCodes(set, set.Contains(HandlingCode.H3) ? "only for the JIT" : null), subject) { Transfers = transfers };
    }
}
