using Interlock.Security;
using Interlock.Shared;

namespace Interlock.Registry;

public enum CooperationAgreementType { MemorandumOfUnderstanding, ExchangeOfLetters, FrameworkAgreement, Other }

/// <summary>A cooperation agreement between the United Nations and an organization [2005 §6].</summary>
public sealed class CooperationAgreement : IClassified, IVersioned
{
    public static string Category => Categories.CooperationAgreement;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    /// <summary>The partner organization; the record is owned by it.</summary>
    public Guid OwnerOrganizationId { get; set; }
    public Classification Classification { get; set; } = Classification.Public;
    public CooperationAgreementType Type { get; set; }
    public required string Title { get; set; }
    public DateOnly? Signed { get; set; }
    public DateOnly? InForceFrom { get; set; }
    public DateOnly? InForceTo { get; set; }
    public string? Scope { get; set; }
    public string? DocumentReference { get; set; }
    public long Version { get; set; }

    public bool InForceOn(DateOnly day) => InForceFrom is { } from && from <= day && (InForceTo is null || day <= InForceTo);
}
