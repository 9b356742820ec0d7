using Interlock.Security;
using Interlock.Shared;

namespace Interlock.Tests.Unit.Security;

/// <summary>The query predicate that filters lists must say exactly what the single-record decision says.</summary>
public sealed class ReadFilterTests
{
    private sealed class Record : IClassified
    {
        public static string Category => Categories.Document;
        public Guid Id { get; init; } = Guid.NewGuid();
        public Guid OwnerOrganizationId { get; init; }
        public Classification Classification { get; init; }
    }

    [Fact]
    public void Filter_agrees_with_decide_for_every_subject_record_and_grant()
    {
        var orgs = Enumerable.Range(0, 3).Select(_ => Guid.NewGuid()).ToArray();
        var records = (from owner in orgs from c in Enum.GetValues<Classification>() select new Record { OwnerOrganizationId = owner, Classification = c }).ToList();
        List<SharingGrant[]> grantSets =
        [
            [],
            [new(orgs[0], orgs[1], [Categories.Document], Classification.Confidential)],
            [new(orgs[0], orgs[1], [], Classification.Confidential)],
            [new(orgs[0], orgs[1], [Categories.Organization], Classification.Confidential)],
            [new(orgs[0], orgs[1], [Categories.Document], Classification.Partners)],
            [new(orgs[0], orgs[1], [Categories.Document], Classification.StrictlyConfidential), new(orgs[2], orgs[1], [], Classification.Confidential)],
            [new(orgs[0], orgs[2], [Categories.Document], Classification.Confidential)],
        ];
        var subjects = new List<Subject> { Subject.Anonymous };
        subjects.AddRange(from org in orgs from role in Roles.All select new Subject("u", "u", org, role));

        foreach (var grants in grantSets)
        foreach (var subject in subjects)
        {
            var filter = AccessPolicy.ReadFilter<Record>(subject, grants).Compile();
            foreach (var record in records)
                Assert.True(AccessPolicy.CanRead(subject, RecordLabel.Of(record), grants) == filter(record),
                    $"subject org {subject.OrganizationId}, record of {record.OwnerOrganizationId} at {record.Classification}, {grants.Length} grants");
        }
    }
}
