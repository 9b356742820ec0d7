using Interlock.Security;
using Interlock.Shared;

namespace Interlock.Tests.Unit.Security;

/// <summary>
/// The access policy's decision table, written out by hand and checked for every combination of
/// who asks, how they relate to the record, its classification, its category, the operation and the token scope.
/// </summary>
public sealed class AccessPolicyDecisionTableTests
{
    private static readonly Guid Owner = Guid.Parse("00000000-0000-0000-0000-0000000000a1");
    private static readonly Guid Partner = Guid.Parse("00000000-0000-0000-0000-0000000000b2");

    /// <summary>How the asking user's organization relates to the record's owner.</summary>
    public enum Relation
    {
        Anonymous,
        OwnOrganization,
        OtherNoAgreement,
        OtherAgreementConfidential,         // in force, covers the category, ceiling Confidential
        OtherAgreementAllCategories,        // in force, no category list (= all), ceiling Confidential
        OtherAgreementOtherCategory,        // in force, but for another category
        OtherAgreementCeilingPartners,      // in force, covers the category, ceiling Partners
        OtherAgreementCeilingStrict,        // a ceiling above Confidential is capped at Confidential
        OtherAgreementWithThirdParty,       // an agreement with someone else, not with the owner
    }

    private static IReadOnlyList<SharingGrant> GrantsFor(Relation relation, string category) => relation switch
    {
        Relation.OtherAgreementConfidential => [new(Owner, Partner, [category], Classification.Confidential)],
        Relation.OtherAgreementAllCategories => [new(Owner, Partner, [], Classification.Confidential)],
        Relation.OtherAgreementOtherCategory => [new(Owner, Partner, [OtherCategory(category)], Classification.Confidential)],
        Relation.OtherAgreementCeilingPartners => [new(Owner, Partner, [category], Classification.Partners)],
        Relation.OtherAgreementCeilingStrict => [new(Owner, Partner, [category], Classification.StrictlyConfidential)],
        Relation.OtherAgreementWithThirdParty => [new(Guid.NewGuid(), Partner, [category], Classification.Confidential)],
        _ => [],
    };

    private static string OtherCategory(string category) => Categories.All.First(c => c != category);

    /// <summary>Expected read decisions. Rows: relation; columns: Public, Partners, Confidential, StrictlyConfidential.</summary>
    private static readonly Dictionary<Relation, bool[]> ExpectedRead = new()
    {
        [Relation.Anonymous] = [true, false, false, false],
        [Relation.OwnOrganization] = [true, true, true, true],
        [Relation.OtherNoAgreement] = [true, true, false, false],
        [Relation.OtherAgreementConfidential] = [true, true, true, false],
        [Relation.OtherAgreementAllCategories] = [true, true, true, false],
        [Relation.OtherAgreementOtherCategory] = [true, true, false, false],
        [Relation.OtherAgreementCeilingPartners] = [true, true, false, false],
        [Relation.OtherAgreementCeilingStrict] = [true, true, true, false],
        [Relation.OtherAgreementWithThirdParty] = [true, true, false, false],
    };

    /// <summary>Expected write decisions for a user of the owning organization ("own") or of another ("other"), per rule.</summary>
    private static bool ExpectedWrite(WriteRule rule, bool own, Role role) => rule switch
    {
        WriteRule.OwnerWriters => own && role != Role.Reader,
        WriteRule.OwnerAdmins => own && role is Role.OrgAdmin or Role.Administrator,
        WriteRule.OwnerAdminsOrAdministrator => role == Role.Administrator || (own && role == Role.OrgAdmin),
        WriteRule.AdministratorOnly => role == Role.Administrator,
        _ => throw new ArgumentOutOfRangeException(nameof(rule)),
    };

    private static Subject SubjectFor(Relation relation, Role role, TokenScope? scope) => relation == Relation.Anonymous
        ? Subject.Anonymous
        : new Subject("user-1", "user", relation == Relation.OwnOrganization ? Owner : Partner, role, scope);

    public static TheoryData<string> AllCategories() => new(Categories.All);

    [Theory]
    [MemberData(nameof(AllCategories))]
    public void Every_combination_follows_the_table(string category)
    {
        var checkedCombinations = 0;
        foreach (var relation in Enum.GetValues<Relation>())
        foreach (var role in Roles.All)
        foreach (TokenScope? scope in new TokenScope?[] { null, TokenScope.Read, TokenScope.Write })
        foreach (var classification in Enum.GetValues<Classification>())
        foreach (var operation in Enum.GetValues<Operation>())
        {
            var subject = SubjectFor(relation, role, scope);
            var label = new RecordLabel(Owner, classification, category);
            var decision = AccessPolicy.Decide(subject, operation, label, GrantsFor(relation, category));

            var expected = operation == Operation.Read
                ? ExpectedRead[relation][(int)classification]
                : relation != Relation.Anonymous && scope != TokenScope.Read &&
                  ExpectedWrite(Categories.WriteRuleOf(category), relation == Relation.OwnOrganization, role);

            Assert.True(expected == decision.Allowed,
                $"{relation}, {role}, scope {scope?.ToString() ?? "session"}, {classification}, {operation}, {category}: " +
                $"expected {(expected ? "allow" : "deny")}, got {(decision.Allowed ? "allow" : "deny")} ({decision.Reason})");
            Assert.False(string.IsNullOrWhiteSpace(decision.Reason));
            checkedCombinations++;
        }
        Assert.Equal(9 * 6 * 3 * 4 * 4, checkedCombinations);
    }

    [Fact]
    public void Every_category_has_a_write_rule() =>
        Assert.All(Categories.All, c => Categories.WriteRuleOf(c));

    [Fact]
    public void An_unknown_category_is_refused_rather_than_guessed() =>
        Assert.Throws<ArgumentException>(() => AccessPolicy.CanWrite(
            new Subject("u", "u", Owner, Role.Administrator), new RecordLabel(Owner, Classification.Public, "no.such")));

    [Fact]
    public void A_grant_to_another_organization_does_not_help()
    {
        var grants = new[] { new SharingGrant(Owner, Guid.NewGuid(), [], Classification.Confidential) };
        var subject = new Subject("u", "u", Partner, Role.Reader);
        Assert.False(AccessPolicy.CanRead(subject, new RecordLabel(Owner, Classification.Confidential, Categories.Document), grants));
    }
}
