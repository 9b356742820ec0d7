using Interlock.EarlyWarning.Situations;
using Interlock.Shared;
using Interlock.Web.Components.Shared;

namespace Interlock.Web.Components.EarlyWarning;

/// <summary>The situation form as posted: areas one per line, organizations as checked registry codes.</summary>
public sealed class SituationInput
{
    public string? Title { get; set; }
    public string? Description { get; set; }
    public string? Country { get; set; }
    public string? Admin1Areas { get; set; }
    public string? Stage { get; set; } = nameof(PreventionStage.EarlyWarning);
    public string[] Organizations { get; set; } = [];
    public string? WatchFrom { get; set; }
    public string? Classification { get; set; } = nameof(Interlock.Shared.Classification.Partners);
    public long Version { get; set; }

    public static SituationInput From(Situation s, IReadOnlyDictionary<Guid, string> codes) => new()
    {
        Title = s.Title, Description = s.Description, Country = s.CountryIso3, Admin1Areas = string.Join("\n", s.Admin1Areas),
        Stage = s.Stage.ToString(), Organizations = s.InvolvedOrganizationIds.Select(i => codes.GetValueOrDefault(i, "?")).ToArray(),
        WatchFrom = Dates.Day(s.WatchFrom), Classification = s.Classification.ToString(), Version = s.Version,
    };

    public SituationRules.Input? Parse(FormErrors errors, IReadOnlyDictionary<string, Guid> idsByCode)
    {
        if (!Dates.TryParseOptional(WatchFrom, out var watchFrom)) errors.Add("watchFrom", "Enter a date as year-month-day, e.g. 2024-03-31.");
        if (!Enum.TryParse<PreventionStage>(Stage, out var stage)) errors.Add("stage", "A stage of the prevention continuum is required.");
        if (!Enum.TryParse<Classification>(Classification, out var classification)) errors.Add("classification", "Choose a classification.");
        var areas = (Admin1Areas ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var ids = Organizations.Where(idsByCode.ContainsKey).Select(c => idsByCode[c]).ToList();
        if (!errors.IsEmpty) return null;
        return new SituationRules.Input(Title, Description, Country, areas, stage, ids, watchFrom, classification);
    }
}
