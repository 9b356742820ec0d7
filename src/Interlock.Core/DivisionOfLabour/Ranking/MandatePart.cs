namespace Interlock.DivisionOfLabour.Ranking;

/// <summary>
/// (f) Mandate to act: a Security Council mandate on one of the organization's planned or active engagements in the
/// country during the need (0.5: the Council has already authorized action there, Art. 53), a mandate basis recorded on
/// a capability that serves the need (0.3: the organization's own texts let it act in this area), and being a regional
/// arrangement under Chapter VIII (0.2: the Charter's partner for the pacific settlement of local disputes, Art. 52).
/// The three add up to 1.
/// </summary>
public static class MandatePart
{
    public const double SecurityCouncil = 0.5, MandateBasis = 0.3, ChapterViii = 0.2;

    public static PartValue Evaluate(NeedContext n, CandidateFacts f)
    {
        var v = 0.0;
        var said = new List<string>();
        var council = f.Engagements.Where(e => e.MandateKind == MandateKind.SecurityCouncil)
            .OrderBy(e => e.MandateReference, StringComparer.Ordinal).ThenBy(e => e.Id).FirstOrDefault();
        if (council is not null)
        {
            v += SecurityCouncil;
            said.Add($"Security Council mandate on an engagement in {n.CountryName} ({council.MandateReference}) {Format.Value(SecurityCouncil)}");
        }
        var basis = f.Capabilities.Where(c => !string.IsNullOrWhiteSpace(c.MandateBasis))
            .OrderBy(c => c.AreaCode, StringComparer.Ordinal).ThenBy(c => c.Id).FirstOrDefault();
        if (basis is not null)
        {
            v += MandateBasis;
            said.Add($"capability in {basis.AreaCode} rests on {basis.MandateBasis} {Format.Value(MandateBasis)}");
        }
        if (f.Organization.ChapterViii)
        {
            v += ChapterViii;
            said.Add($"regional arrangement under Chapter VIII {Format.Value(ChapterViii)}");
        }
        if (said.Count == 0)
            return new(0, $"No Security Council mandate in {n.CountryName}, no mandate basis on a capability serving {n.Area} there, not a Chapter VIII arrangement: 0.00");
        var text = string.Join("; ", said);
        return new(v, $"{char.ToUpperInvariant(text[0])}{text[1..]}: {Format.Value(v)}");
    }
}
