namespace Interlock.DivisionOfLabour.Ranking;

/// <summary>The parts of a candidate's score, in the order they are shown; the codes are also the configuration keys' names.</summary>
public static class RankingParts
{
    public const string Capability = "Capability";
    public const string Capacity = "Capacity";
    public const string Membership = "Membership";
    public const string Scope = "Scope";
    public const string Presence = "Presence";
    public const string Mandate = "Mandate";

    public static readonly IReadOnlyList<string> InOrder = [Capability, Capacity, Membership, Scope, Presence, Mandate];
}

/// <summary>One part of a score: its value in [0, 1], its weight, and a sentence with the figures behind the value.</summary>
public sealed record ScorePart(string Code, double Value, double Weight, string Sentence)
{
    public double Contribution => Weight * Value;
}

/// <summary>What a part works out before it is weighed.</summary>
public readonly record struct PartValue(double Value, string Sentence);

/// <summary>An organization's place in the ranking for a need, with every part of its score.</summary>
public sealed record Candidate(int Rank, Guid OrganizationId, string OrganizationCode, string OrganizationName, double Score,
    IReadOnlyList<ScorePart> Parts);
