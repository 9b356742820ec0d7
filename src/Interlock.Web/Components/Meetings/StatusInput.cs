using Interlock.Meetings;
using Interlock.Web.Components.Shared;
using Interlock.Web.Meetings;

namespace Interlock.Web.Components.Meetings;

/// <summary>The status-change form as posted: parsed here so bad input becomes a field error, not a lost value.</summary>
public sealed class StatusInput
{
    public string? Status { get; set; }
    public string? Note { get; set; }
    public string? SupersededBy { get; set; }
    public string? EvidenceDocumentId { get; set; }
    public string? EvidenceUrl { get; set; }
    public string? EvidenceNote { get; set; }
    public long Version { get; set; }

    public StatusWrite? Parse(FormErrors errors)
    {
        if (!Enum.TryParse<DecisionStatus>(Status, out var status)) errors.Add("status", "Choose a status.");
        Guid? superseded = null;
        if (!string.IsNullOrWhiteSpace(SupersededBy))
        {
            if (Guid.TryParse(SupersededBy.Trim().Split('/').Last(), out var g)) superseded = g;
            else errors.Add("supersededBy", "Enter the id or the address of the decision that supersedes this one.");
        }
        Guid? doc = Guid.TryParse(EvidenceDocumentId, out var d) ? d : null;
        return errors.IsEmpty ? new StatusWrite(status, Blank(Note), superseded, new EvidenceWrite(doc, Blank(EvidenceUrl), Blank(EvidenceNote))) : null;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
