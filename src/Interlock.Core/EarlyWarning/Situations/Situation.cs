using Interlock.Security;
using Interlock.Shared;

namespace Interlock.EarlyWarning.Situations;

/// <summary>The stages of the prevention continuum [1998 §4]; each is also an area of the capability taxonomy.</summary>
public enum PreventionStage { EarlyWarning, PreventiveDiplomacy, PreventiveDisarmament, PreventiveDeployment, Peacebuilding }

public static class PreventionStages
{
    /// <summary>The taxonomy area (data/reference/areas.csv) of a stage: the capabilities that fit it.</summary>
    public static string AreaCode(PreventionStage stage) => stage switch
    {
        PreventionStage.EarlyWarning => "early-warning",
        PreventionStage.PreventiveDiplomacy => "preventive-diplomacy",
        PreventionStage.PreventiveDisarmament => "preventive-disarmament",
        PreventionStage.PreventiveDeployment => "preventive-deployment",
        _ => "peacebuilding",
    };
}

/// <summary>
/// A situation of concern: a country, or a set of its first-level areas, that partners follow together, with where it
/// stands on the prevention continuum and who is involved. Its page merges everything known about the area into one
/// timeline and says whether it is ripe for mutually supportive action.
/// </summary>
public sealed class Situation : IClassified, IVersioned
{
    public static string Category => Categories.Situation;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OwnerOrganizationId { get; set; }
    public Classification Classification { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public required string CountryIso3 { get; set; }
    /// <summary>First-level areas as the event data names them; empty for the whole country.</summary>
    public List<string> Admin1Areas { get; set; } = [];
    public PreventionStage Stage { get; set; }
    public List<Guid> InvolvedOrganizationIds { get; set; } = [];
    /// <summary>The timeline starts here: events and observations before it are history, not the situation.</summary>
    public DateOnly WatchFrom { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }
    public List<SituationNote> Notes { get; set; } = [];
}

/// <summary>A note a user adds to a situation's timeline. It is read with the situation, under the situation's label.</summary>
public sealed class SituationNote
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SituationId { get; set; }
    public required string Text { get; set; }
    public DateTimeOffset At { get; set; }
    public string? AuthorName { get; set; }
    public Guid AuthorOrganizationId { get; set; }
}
