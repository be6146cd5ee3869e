using System.Globalization;
using CsCheck;
using Tessera.Core.Access;
using Tessera.Core.Model;

namespace Tessera.Core.Tests.Access;

/// <summary>The whole matrix roles × owner relation × handling-code sets × subject categories × actions, against the reviewed rule table.</summary>
public sealed class AccessMatrixTests
{
    private static readonly RuleTable Rules = RuleTable.Load(Path.Combine(AppContext.BaseDirectory, "Access", "access-rules.csv"));

    private static readonly HandlingCode[] AllCodes = Enum.GetValues<HandlingCode>();

    public static IEnumerable<object[]> Cells()
    {
        foreach (var role in Enum.GetValues<Role>())
        {
            foreach (var relation in Enum.GetValues<OwnerRelation>())
            {
                foreach (var action in Enum.GetValues<AccessAction>())
                {
                    yield return [role, relation, action];
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public void Decide_EveryCodeSetAndCategory_MatchesRuleTable(Role role, OwnerRelation relation, AccessAction action)
    {
        var principal = new Principal("u", "IT", new HashSet<Role> { role }) { AtHub = relation == OwnerRelation.Hub };
        foreach (var codes in CodeSets())
        {
            foreach (var subject in Enum.GetValues<SubjectCategory>())
            {
                var target = TargetFor(relation, codes, subject);
                var expected = codes.Min(code => Rules.Expect(role, relation, action, code, subject));

                var actual = AccessPolicy.Decide(principal, action, target);

                Assert.True(expected == actual, $"{role} {relation} {action} {string.Join('+', codes)} {subject}: expected {expected}, got {actual}");
            }
        }
    }

    [Fact]
    public void Decide_SeveralRoles_GetsTheWidestOfEachRole()
    {
        var target = TargetFor(OwnerRelation.Hub, [HandlingCode.H0], SubjectCategory.Suspect);
        var both = new Principal("u", "IT", new HashSet<Role> { Role.Analyst, Role.HubAnalyst }) { AtHub = true };

        Assert.Equal(Decision.Allow, AccessPolicy.Decide(both, AccessAction.View, target));
        Assert.Equal(Decision.HitOnly, AccessPolicy.Decide(both with { Roles = new HashSet<Role> { Role.Analyst } }, AccessAction.View, target));
    }

    [Fact]
    public void Decide_HubAnalystRoleOutsideTheHubOrganisation_GetsNoMoreThanAnAnalyst()
    {
        var target = TargetFor(OwnerRelation.Other, [HandlingCode.H0], SubjectCategory.Suspect);
        var agency = new Principal("border.analyst", "EU-BCG", new HashSet<Role> { Role.HubAnalyst, Role.Supervisor });

        Assert.Equal(OwnerRelation.Other, target.RelationOf(agency));
        Assert.Equal(Decision.HitOnly, AccessPolicy.Decide(agency, AccessAction.View, target));
        Assert.Equal(Decision.Allow, AccessPolicy.Decide(agency with { AtHub = true }, AccessAction.View, target));
    }

    [Fact]
    public void Decide_AddingAHandlingCode_NeverWidensAccess()
    {
        Gen.Select(Gen.Enum<Role>(), Gen.Enum<OwnerRelation>(), Gen.Enum<AccessAction>(), Gen.Enum<SubjectCategory>(),
                Gen.Enum<HandlingCode>().Array[1, 4], Gen.Enum<HandlingCode>())
            .Sample((role, relation, action, subject, codes, extra) =>
            {
                var principal = new Principal("u", "IT", new HashSet<Role> { role }) { AtHub = relation == OwnerRelation.Hub };
                var before = AccessPolicy.Decide(principal, action, TargetFor(relation, [.. codes], subject));
                var after = AccessPolicy.Decide(principal, action, TargetFor(relation, [.. codes, extra], subject));
                return after <= before;
            }, iter: 20_000);
    }

    [Fact]
    public void Decide_RestrictingTheSubjectCategoryToInformant_NeverWidensAccess()
    {
        Gen.Select(Gen.Enum<Role>(), Gen.Enum<OwnerRelation>(), Gen.Enum<AccessAction>(), Gen.Enum<SubjectCategory>(),
                Gen.Enum<HandlingCode>().Array[1, 4])
            .Sample((role, relation, action, subject, codes) =>
            {
                var principal = new Principal("u", "IT", new HashSet<Role> { role }) { AtHub = relation == OwnerRelation.Hub };
                var before = AccessPolicy.Decide(principal, action, TargetFor(relation, [.. codes], subject));
                var after = AccessPolicy.Decide(principal, action, TargetFor(relation, [.. codes], SubjectCategory.Informant));
                return after <= before || relation == OwnerRelation.Own;
            }, iter: 20_000);
    }

    [Fact]
    public void Decide_LeavingTheCase_NeverWidensAccess()
    {
        Gen.Select(Gen.Enum<Role>(), Gen.Enum<AccessAction>(), Gen.Enum<SubjectCategory>(), Gen.Enum<HandlingCode>().Array[1, 4])
            .Sample((role, action, subject, codes) =>
            {
                var principal = new Principal("u", "IT", new HashSet<Role> { role });
                var partner = AccessPolicy.Decide(principal, action, TargetFor(OwnerRelation.CasePartner, [.. codes], subject));
                var stranger = AccessPolicy.Decide(principal, action, TargetFor(OwnerRelation.Other, [.. codes], subject));
                return stranger <= partner;
            }, iter: 20_000);
    }

    [Fact]
    public void Decide_AReleaseToAnotherOrganisation_ChangesNothingForTheUser()
    {
        Gen.Select(Gen.Enum<Role>(), Gen.Enum<OwnerRelation>(), Gen.Enum<AccessAction>(), Gen.Enum<SubjectCategory>(),
                Gen.Enum<HandlingCode>().Array[1, 4], Gen.Enum<PartnerKind>())
            .Sample((role, relation, action, subject, codes, kind) =>
            {
                var principal = new Principal("u", "IT", new HashSet<Role> { role }) { AtHub = relation == OwnerRelation.Hub, Kind = kind };
                var target = TargetFor(relation == OwnerRelation.Released ? OwnerRelation.Other : relation, [.. codes], subject);
                var before = AccessPolicy.Decide(principal, action, target);
                var after = AccessPolicy.Decide(principal, action, target with { Releases = new Dictionary<string, string> { ["MT"] = "follow-up" } });
                return after == before;
            }, iter: 20_000);
    }

    [Fact]
    public void Decide_AReleaseToTheUser_NeverNarrowsAndNeverReachesAThirdPartyWithoutATransfer()
    {
        Gen.Select(Gen.Enum<Role>(), Gen.Enum<AccessAction>(), Gen.Enum<SubjectCategory>(), Gen.Enum<HandlingCode>().Array[1, 4], Gen.Enum<PartnerKind>())
            .Sample((role, action, subject, codes, kind) =>
            {
                var principal = new Principal("u", "IT", new HashSet<Role> { role }) { Kind = kind };
                var stranger = AccessPolicy.Decide(principal, action, TargetFor(OwnerRelation.Other, [.. codes], subject));
                var released = AccessPolicy.Decide(principal, action, TargetFor(OwnerRelation.Released, [.. codes], subject));
                var thirdPartyView = kind.IsThirdParty() && action is AccessAction.View or AccessAction.Export;
                return released >= stranger && (!thirdPartyView || released == Decision.Deny);
            }, iter: 20_000);
    }

    private static IEnumerable<HandlingCode[]> CodeSets()
    {
        for (var mask = 1; mask < 1 << AllCodes.Length; mask++)
        {
            yield return AllCodes.Where((_, i) => (mask & (1 << i)) != 0).ToArray();
        }
    }

    private static AccessTarget TargetFor(OwnerRelation relation, IEnumerable<HandlingCode> codes, SubjectCategory subject)
    {
        var set = codes.ToHashSet();
        var handling = new HandlingCodes(set, set.Contains(HandlingCode.H3) ? "only for the JIT" : null);
        return relation switch
        {
            OwnerRelation.Own => new AccessTarget("IT", new HashSet<string> { "IT", "GR" }, handling, subject),
            OwnerRelation.CasePartner => new AccessTarget("GR", new HashSet<string> { "GR", "IT" }, handling, subject),
            OwnerRelation.Released => new AccessTarget("GR", new HashSet<string> { "GR", "MT" }, handling, subject)
            {
                Releases = new Dictionary<string, string> { ["IT"] = "follow-up of hit 1" },
            },
            _ => new AccessTarget("GR", new HashSet<string> { "GR", "MT" }, handling, subject),
        };
    }

    private sealed record Rule(string Role, string Relation, string Action, string Code, string Subject, Decision Decision)
    {
        public bool Matches(Role role, OwnerRelation relation, AccessAction action, HandlingCode code, SubjectCategory subject) =>
            Is(Role, role.ToString()) && Is(Relation, relation.ToString()) && Is(Action, action.ToString())
            && Is(Code, code.ToString()) && Is(Subject, subject.ToString());

        private static bool Is(string pattern, string value) => pattern == "*" || pattern == value;
    }

    private sealed class RuleTable(List<Rule> rules)
    {
        public static RuleTable Load(string path) => new(File.ReadLines(path)
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(','))
            .Select(f => new Rule(f[0], f[1], f[2], f[3], f[4], Enum.Parse<Decision>(f[5], ignoreCase: false)))
            .ToList());

        public Decision Expect(Role role, OwnerRelation relation, AccessAction action, HandlingCode code, SubjectCategory subject) =>
            rules.FirstOrDefault(r => r.Matches(role, relation, action, code, subject))?.Decision
            ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"no rule for {role} {relation} {action} {code} {subject}"));
    }
}
