namespace Interlock.Shared;

/// <summary>
/// Information sensitivity of a record, in the spirit of the UN Secretariat's levels.
/// Ordered: a higher value is more restricted, so a ceiling compares with &lt;=.
/// </summary>
public enum Classification
{
    /// <summary>Anyone, including anonymous visitors.</summary>
    Public = 0,
    /// <summary>Unclassified, shared with every signed-in user of every partner organization.</summary>
    Partners = 1,
    /// <summary>The owner, plus the organizations that an information-sharing agreement in force names, up to its ceiling.</summary>
    Confidential = 2,
    /// <summary>The owning organization only.</summary>
    StrictlyConfidential = 3,
}
