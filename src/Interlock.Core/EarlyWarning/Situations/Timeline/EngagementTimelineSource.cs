using Interlock.DivisionOfLabour;
using Interlock.Security;
using Microsoft.EntityFrameworkCore;

namespace Interlock.EarlyWarning.Situations.Timeline;

/// <summary>Engagements on the situation starting and ending, as the reader may see them: who came in and who left, when.</summary>
public sealed class EngagementTimelineSource : ITimelineSource
{
    public TimelineEntryType Type => TimelineEntryType.Engagement;

    public async Task<IReadOnlyList<TimelineEntry>> EntriesAsync(TimelineContext c, CancellationToken ct)
    {
        var engagements = await c.Db.Engagements.AsNoTracking().Where(e => e.SituationId == c.Situation.Id)
            .Where(AccessPolicy.ReadFilter<Engagement>(c.Subject, c.Grants))
            .OrderByDescending(e => e.StartOn).Take(c.Limit).ToListAsync(ct);
        var orgIds = engagements.Select(e => e.OrganizationId).Distinct().ToList();
        var codes = await c.Db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Code, ct);
        var entries = new List<TimelineEntry>();
        foreach (var e in engagements)
        {
            var what = $"{codes.GetValueOrDefault(e.OrganizationId, "?")} {e.Form} ({e.Role}) in {e.AreaCode}";
            var link = $"/api/v1/engagements/{e.Id}";
            entries.Add(new TimelineEntry(e.StartOn, Type, $"Starts: {what}", e.Activity, link, e.Classification));
            if (e.EndOn is { } end) entries.Add(new TimelineEntry(end, Type, $"Ends: {what}", e.Activity, link, e.Classification));
        }
        return entries;
    }
}
