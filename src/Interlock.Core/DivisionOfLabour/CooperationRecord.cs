using Interlock.Security;
using Interlock.Shared;

namespace Interlock.DivisionOfLabour;

/// <summary>The practical forms of cooperation the partners keep a record of (seeds 001, 002 II.C and 004).</summary>
public enum CooperationRecordType
{
    Consultation, JointAssessmentMission, JointWorkingGroup, StaffVisit, JointTraining, LiaisonExchange, RegionalWorkshop,
}

/// <summary>Where a joint working-group meeting (or any record) took place.</summary>
public enum CooperationSetting { Headquarters, Field }

/// <summary>
/// What the partners did together: a consultation, a joint assessment mission, a working-group meeting, a staff visit,
/// joint training, an exchange of liaison officers or a regional workshop. It goes on the situation's timeline and
/// into the Article 54 report.
/// </summary>
public sealed class CooperationRecord : IClassified, IVersioned
{
    public static string Category => Categories.CooperationRecord;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OwnerOrganizationId { get; set; }
    public Classification Classification { get; set; } = Classification.Partners;
    public CooperationRecordType Type { get; set; }
    public CooperationSetting Setting { get; set; }
    public required string Title { get; set; }
    public DateOnly StartOn { get; set; }
    public DateOnly? EndOn { get; set; }
    public List<Guid> ParticipantOrganizationIds { get; set; } = [];
    public Guid? SituationId { get; set; }
    public string? CountryIso3 { get; set; }
    public string? Outcome { get; set; }
    /// <summary>Documents of the knowledge module (reports, communiqués) that record it.</summary>
    public List<Guid> DocumentIds { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public long Version { get; set; }

    public Period Period => new(StartOn, EndOn);
}
