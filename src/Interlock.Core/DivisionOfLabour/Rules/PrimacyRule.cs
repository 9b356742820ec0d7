namespace Interlock.DivisionOfLabour.Rules;

/// <summary>An engagement to report to the Security Council under Articles 53–54 of the Charter, and why.</summary>
public sealed record PrimacyFlag(Engagement Engagement, string OrganizationCode, string Sentence);

/// <summary>
/// The primacy of the Security Council (seed 001, second principle; Charter Art. 53–54): a regional arrangement
/// (Organization.ChapterViii) that puts personnel on the ground with the UN (co-deployment or joint operation) on any
/// basis other than a Security Council mandate is flagged, whatever the engagement's status, so that it is reported.
/// </summary>
public static class PrimacyRule
{
    public const string Phrase = "to report under Articles 53–54 of the Charter";

    public static IReadOnlyList<PrimacyFlag> Find(DivisionPicture picture) =>
        picture.Engagements.OrderBy(e => e.StartOn).ThenBy(e => e.Id).Select(e => Of(e, picture)).OfType<PrimacyFlag>().ToList();

    public static PrimacyFlag? Of(Engagement e, DivisionPicture picture)
    {
        if (!picture.IsRegionalArrangement(e.OrganizationId) || !Vocabulary.IsDeployment(e.Form) || e.MandateKind == MandateKind.SecurityCouncil)
            return null;
        var code = picture.CodeOf(e.OrganizationId);
        var basis = Wording.Mandate(e.MandateKind) + (e.MandateReference is { } r ? $" ({r})" : "");
        return new PrimacyFlag(e, code,
            $"{code} is a regional arrangement under Chapter VIII in a {Wording.Form(e.Form)} for {e.AreaCode} in " +
            $"{Wording.Place(e.CountryIso3, e.Admin1)} ({e.Period}, {Wording.Status(e.Status)}) resting on {basis}, " +
            $"not on a Security Council mandate: {Phrase}.");
    }
}
