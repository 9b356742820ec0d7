using Interlock.DivisionOfLabour;
using Interlock.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.EarlyWarning.Situations.Timeline;

/// <summary>
/// The situation's transition plans as the reader may see them: each target date, each checklist item done (on the day
/// it was completed) and each item overdue (on the day it fell due), so a slipping hand-over shows on the timeline.
/// </summary>
public sealed class TransitionTimelineSource : ITimelineSource
{
    public TimelineEntryType Type => TimelineEntryType.Transition;

    public async Task<IReadOnlyList<TimelineEntry>> EntriesAsync(TimelineContext c, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(c.Db.Time.GetUtcNow().UtcDateTime);
        var plans = await c.Db.TransitionPlans.AsNoTracking().Include(p => p.Items).Where(p => p.SituationId == c.Situation.Id)
            .Where(AccessPolicy.ReadFilter<TransitionPlan>(c.Subject, c.Grants))
            .OrderByDescending(p => p.TargetDate).Take(c.Limit).ToListAsync(ct);
        var entries = new List<TimelineEntry>();
        foreach (var p in plans)
        {
            var link = $"/api/v1/transitions/{p.Id}";
            entries.Add(new TimelineEntry(p.TargetDate, Type, $"Transition target: {p.Title}", p.Notes, link, p.Classification));
            foreach (var i in p.Items)
            {
                if (i.Status == ChecklistStatus.Done && i.CompletedOn is { } done)
                    entries.Add(new TimelineEntry(done, Type, $"Done: {Words(i.Topic)}", p.Title, link, p.Classification));
                else if (i.IsOverdue(today))
                    entries.Add(new TimelineEntry(i.DueOn, Type, $"Overdue: {Words(i.Topic)}", p.Title, link, p.Classification));
            }
        }
        return entries;
    }

    public static string Words(TransitionTopic t) => t switch
    {
        TransitionTopic.MandateAlignment => "mandate alignment",
        TransitionTopic.RehattingOfContingents => "re-hatting of contingents",
        TransitionTopic.TransferOfAssets => "transfer of assets",
        TransitionTopic.CivilianStaff => "civilian staff",
        TransitionTopic.RegionalOwnership => "regional ownership after hand-over",
        TransitionTopic.PublicInformation => "public information",
        _ => "financing",
    };
}
