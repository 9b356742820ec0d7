using System.Globalization;
using Interlock.DivisionOfLabour;
using Interlock.Shared;
using Interlock.Web.Components.Shared;
using Interlock.Web.DivisionOfLabour;

namespace Interlock.Web.Components.DivisionOfLabour;

/// <summary>The need form as posted: text as typed, parsed into the API's write so both go through the same rules.</summary>
public sealed class NeedInput
{
    public string? AreaCode { get; set; }
    public string? Priority { get; set; } = nameof(NeedPriority.Medium);
    public string? Admin1 { get; set; }
    public string? StartOn { get; set; }
    public string? EndOn { get; set; }
    public string? NeededWithinDays { get; set; }
    public string? Notes { get; set; }
    public string? Classification { get; set; } = nameof(Interlock.Shared.Classification.Partners);
    public long Version { get; set; }

    public static NeedInput From(Need n) => new()
    {
        AreaCode = n.AreaCode, Priority = n.Priority.ToString(), Admin1 = n.Admin1, StartOn = Dates.Day(n.StartOn), EndOn = Dates.Day(n.EndOn),
        NeededWithinDays = n.NeededWithinDays?.ToString(CultureInfo.InvariantCulture), Notes = n.Notes, Classification = n.Classification.ToString(),
        Version = n.Version,
    };

    public NeedWrite? Parse(Guid situationId, string countryIso3, FormErrors errors)
    {
        if (!Dates.TryParseOptional(StartOn, out var start)) errors.Add("startOn", "Enter a date as year-month-day, e.g. 2024-03-31.");
        if (!Dates.TryParseOptional(EndOn, out var end)) errors.Add("endOn", "Enter a date as year-month-day, e.g. 2024-03-31.");
        int? days = null;
        if (!string.IsNullOrWhiteSpace(NeededWithinDays))
        {
            if (int.TryParse(NeededWithinDays.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var d)) days = d;
            else errors.Add("neededWithinDays", "A whole number of days.");
        }
        if (!Enum.TryParse<NeedPriority>(Priority, out var priority)) errors.Add("priority", "A priority is required.");
        if (!Enum.TryParse<Classification>(Classification, out var classification)) errors.Add("classification", "Choose a classification.");
        if (!errors.IsEmpty) return null;
        return new NeedWrite(situationId, AreaCode, priority, countryIso3, start, end, Admin1, days, Notes, classification);
    }
}

/// <summary>The engagement form as posted, parsed into the API's write.</summary>
public sealed class EngagementInput
{
    public string? Organization { get; set; }
    public string? AreaCode { get; set; }
    public string? Activity { get; set; }
    public string? Country { get; set; }
    public string? Admin1 { get; set; }
    public string? StartOn { get; set; }
    public string? EndOn { get; set; }
    public string? Form { get; set; } = nameof(CooperationForm.Consultation);
    public string? Role { get; set; } = nameof(EngagementRole.Support);
    public string? Status { get; set; } = nameof(EngagementStatus.Active);
    public string? MandateKind { get; set; } = nameof(Interlock.DivisionOfLabour.MandateKind.None);
    public string? MandateReference { get; set; }
    public string? SituationId { get; set; }
    public string? Classification { get; set; } = nameof(Interlock.Shared.Classification.Partners);
    public long Version { get; set; }

    public static EngagementInput From(Engagement e, string organizationCode) => new()
    {
        Organization = organizationCode, AreaCode = e.AreaCode, Activity = e.Activity, Country = e.CountryIso3, Admin1 = e.Admin1,
        StartOn = Dates.Day(e.StartOn), EndOn = Dates.Day(e.EndOn), Form = e.Form.ToString(), Role = e.Role.ToString(), Status = e.Status.ToString(),
        MandateKind = e.MandateKind.ToString(), MandateReference = e.MandateReference, SituationId = e.SituationId?.ToString(),
        Classification = e.Classification.ToString(), Version = e.Version,
    };

    public EngagementWrite? Parse(FormErrors errors)
    {
        if (!Dates.TryParseOptional(StartOn, out var start)) errors.Add("startOn", "Enter a date as year-month-day, e.g. 2024-03-31.");
        if (!Dates.TryParseOptional(EndOn, out var end)) errors.Add("endOn", "Enter a date as year-month-day, e.g. 2024-03-31.");
        if (!Enum.TryParse<CooperationForm>(Form, out var form)) errors.Add("form", "One of the five forms of cooperation is required.");
        if (!Enum.TryParse<EngagementRole>(Role, out var role)) errors.Add("role", "A role (lead, co-lead or support) is required.");
        if (!Enum.TryParse<EngagementStatus>(Status, out var status)) errors.Add("status", "A status (planned, active or completed) is required.");
        if (!Enum.TryParse<MandateKind>(MandateKind, out var mandate)) errors.Add("mandateKind", "Choose what the engagement rests on.");
        if (!Enum.TryParse<Classification>(Classification, out var classification)) errors.Add("classification", "Choose a classification.");
        Guid? situation = Guid.TryParse(SituationId, out var s) ? s : null;
        if (!errors.IsEmpty) return null;
        return new EngagementWrite(Organization, AreaCode, Country, start, form, role, status, end, Admin1, Activity, situation, mandate,
            MandateReference, classification);
    }
}
