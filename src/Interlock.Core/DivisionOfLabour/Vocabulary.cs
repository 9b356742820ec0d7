namespace Interlock.DivisionOfLabour;

/// <summary>
/// The five forms of cooperation between the United Nations and regional organizations named in the 1995
/// Secretary-General's report (seed 001): from the lightest (consultation) to the closest (joint operation).
/// </summary>
public enum CooperationForm { Consultation, DiplomaticSupport, OperationalSupport, CoDeployment, JointOperation }

/// <summary>The part an organization plays in an engagement on a need.</summary>
public enum EngagementRole { Lead, CoLead, Support }

public enum EngagementStatus { Planned, Active, Completed }

/// <summary>How urgent a need is; the ranking compares it with how fast a capability deploys.</summary>
public enum NeedPriority { Low, Medium, High, Critical }

/// <summary>
/// What an engagement rests on. Only a Security Council mandate authorizes enforcement by a regional arrangement
/// (Art. 53); the Council must be kept informed of everything regional arrangements undertake or contemplate (Art. 54).
/// </summary>
public enum MandateKind { None, SecurityCouncil, OrganizationDecision, HostStateRequest, Other }

public static class Vocabulary
{
    /// <summary>Forms that put personnel on the ground together: the ones Art. 53 speaks to.</summary>
    public static bool IsDeployment(CooperationForm form) => form is CooperationForm.CoDeployment or CooperationForm.JointOperation;

    /// <summary>Engagements that still count for coverage: a completed one covers nothing.</summary>
    public static bool IsLive(EngagementStatus status) => status is EngagementStatus.Planned or EngagementStatus.Active;
}
