namespace Interlock.EarlyWarning.Observations;

/// <summary>
/// The NATO / Admiralty grading of a report: the source's reliability (A–F) and the information's credibility (1–6),
/// graded separately because a reliable source can pass on doubtful information and the reverse.
/// </summary>
public static class SourceGrades
{
    public static readonly IReadOnlyDictionary<string, string> Reliability = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["A"] = "Completely reliable",
        ["B"] = "Usually reliable",
        ["C"] = "Fairly reliable",
        ["D"] = "Not usually reliable",
        ["E"] = "Unreliable",
        ["F"] = "Reliability cannot be judged",
    };

    public static readonly IReadOnlyDictionary<int, string> Credibility = new Dictionary<int, string>
    {
        [1] = "Confirmed by other sources",
        [2] = "Probably true",
        [3] = "Possibly true",
        [4] = "Doubtful",
        [5] = "Improbable",
        [6] = "Truth cannot be judged",
    };

    public static bool IsReliability(string? grade) => grade is not null && Reliability.ContainsKey(grade);

    public static bool IsCredibility(int grade) => Credibility.ContainsKey(grade);

    /// <summary>The usual short form, e.g. "B2".</summary>
    public static string Short(string reliability, int credibility) => $"{reliability}{credibility}";
}
