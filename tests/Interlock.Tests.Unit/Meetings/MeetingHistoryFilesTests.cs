using Interlock.Meetings;
using Interlock.Meetings.History;
using Interlock.Registry;

namespace Interlock.Tests.Unit.Meetings;

/// <summary>The history files are well formed and every row is traceable: a seed file, a paragraph, a registry organization.</summary>
public sealed class MeetingHistoryFilesTests
{
    private static readonly string[] SeedFiles =
        ["000_f0914638fc4ba861.txt", "001_2dd76ccb5f14e7a4.txt", "002_41b6bea57ecffbdd.txt", "003_16cb9a840b50c70f.txt", "004_36220bb741ac0bb8.txt"];

    [Fact]
    public void Every_row_names_a_seed_file_and_a_paragraph()
    {
        var seeds = MeetingHistory.ReadMeetings().Select(r => (r.Seed, r.Source))
            .Concat(MeetingHistory.ReadParticipants().Select(r => (r.Seed, r.Source)))
            .Concat(MeetingHistory.ReadAgenda().Select(r => (r.Seed, r.Source)))
            .Concat(MeetingHistory.ReadDocuments().Select(r => (r.Seed, r.Source)))
            .Concat(MeetingHistory.ReadDecisions().Select(r => (r.Seed, r.Source)));
        Assert.All(seeds, s =>
        {
            Assert.Contains(s.Seed, SeedFiles);
            Assert.False(string.IsNullOrWhiteSpace(s.Source));
        });
    }

    [Fact]
    public void Every_organization_code_is_in_the_registry()
    {
        var codes = ReferenceData.ReadOrganizations().Select(o => o.Organization.Code).ToHashSet();
        Assert.All(MeetingHistory.ReadParticipants(), p => Assert.Contains(p.OrgCode, codes));
        Assert.All(MeetingHistory.ReadDecisions().SelectMany(d => d.Owners).Where(o => !o.StartsWith('@')), o => Assert.Contains(o, codes));
    }

    [Fact]
    public void The_counts_match_the_seeds()
    {
        var participants = MeetingHistory.ReadParticipants().GroupBy(p => p.MeetingKey).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(15, participants["hlm-1996"]);   // 13 regional organizations and the two Presidents (001)
        Assert.Equal(44, participants["hlm-2001"]);   // annex III (002)
        Assert.Equal(20, participants["hlm-2005"]);   // §11 (003)
        var decisions = MeetingHistory.ReadDecisions().GroupBy(d => d.DocumentKey).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(12, decisions["doc-1998"]);      // §7 (10 modalities) and §8 (2)
        Assert.Equal(23, decisions["doc-2001"]);      // annex I II.A-E (21) and III (2)
        Assert.Equal(6, decisions["doc-2005"]);       // §7 (6 measures)
        Assert.Equal(8, MeetingHistory.ReadMeetings().Count);
        Assert.All(MeetingHistory.ReadDecisions().Where(d => d.Key != "1998-8-2"), d => Assert.Equal(DecisionStatus.Unknown, d.Status));
    }

    [Fact]
    public void Each_participant_is_listed_once_per_meeting_and_the_keys_are_unique()
    {
        Assert.All(MeetingHistory.ReadParticipants().GroupBy(p => (p.MeetingKey, p.OrgCode)), g => Assert.Single(g));
        Assert.Equal(MeetingHistory.ReadDecisions().Count, MeetingHistory.ReadDecisions().Select(d => d.Key).Distinct().Count());
        var meetings = MeetingHistory.ReadMeetings().Select(m => m.Key).ToHashSet();
        Assert.All(MeetingHistory.ReadDecisions(), d => Assert.Contains(d.MeetingKey, meetings));
    }
}
