using Interlock.EarlyWarning.Alerts;
using Interlock.EarlyWarning.Risk;
using Interlock.Inbox;
using Interlock.Shared;

namespace Interlock.Web.Alerts;

public sealed record AlertDto(Guid Id, string Country, string CountryName, string Month, AlertTrigger Trigger, RiskLevel Level,
    RiskLevel? PreviousLevel, string? Indicator, double? Value, Guid? ObservationId, string Title, string Summary, IReadOnlyList<string> Reasons,
    string Owner, Classification Classification, Guid? Supersedes, DateTimeOffset CreatedAt, string Link);

/// <summary>One inbox item of the delivery log: the person it named (if any), e-mail status, acknowledgement.</summary>
public sealed record DeliveryDto(Guid InboxItemId, string? Person, DateTimeOffset? EmailedAt, string? EmailError, DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy);

public sealed record RecipientDto(string Organization, IReadOnlyList<string> Reasons, string? Note, IReadOnlyList<DeliveryDto> Deliveries);

/// <summary>An alert with the delivery-log rows the caller may see (all for the UN secretariat, its own otherwise).</summary>
public sealed record AlertDetailDto(AlertDto Alert, bool FullDeliveryLog, IReadOnlyList<RecipientDto> Recipients);

public sealed record InboxItemDto(Guid Id, string Kind, string SourceId, string Title, string? Body, string? Link, string? RecipientName,
    DateTimeOffset CreatedAt, DateTimeOffset? AcknowledgedAt, string? AcknowledgedBy);

public static class AlertDtoMapping
{
    public static AlertDto ToDto(Alert a, string countryName, string owner) => new(a.Id, a.CountryIso3, countryName, AlertTriggers.MonthText(a.Month),
        a.Trigger, a.Level, a.PreviousLevel, a.IndicatorCode, a.Value, a.ObservationId, a.Title, a.Summary, a.Reasons, owner, a.Classification,
        a.SupersedesId, a.CreatedAt, a.Link);

    public static AlertDetailDto ToDto(AlertView v) => new(ToDto(v.Alert, v.CountryName, v.OwnerCode), v.SeesAllRows,
        v.Routes.Select(r => new RecipientDto(r.Route.OrganizationCode, r.Route.Reasons, r.Route.Note,
            r.Items.Select(i => new DeliveryDto(i.Id, i.RecipientName, i.EmailedAt, i.EmailError, i.AcknowledgedAt, i.AcknowledgedByName)).ToList())).ToList());

    public static InboxItemDto ToDto(InboxItem i) => new(i.Id, i.Kind, i.SourceId, i.Title, i.Body, i.Link, i.RecipientName, i.CreatedAt,
        i.AcknowledgedAt, i.AcknowledgedByName);
}
