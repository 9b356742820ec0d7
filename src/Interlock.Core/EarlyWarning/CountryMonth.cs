namespace Interlock.EarlyWarning;

/// <summary>
/// One country and month of one series: fatalities by type of violence, the number of events and how many
/// first-level administrative areas had events (spread). The series of an event dataset (<c>ucdp-ged</c>, <c>acled</c>,
/// <c>incident</c>) is computed from the public events of that dataset, by the month of each event's start date;
/// a month without events has no row and reads as zero. A reference series (<c>views-ged-sb</c>) is loaded as
/// published and knows only state-based fatalities: its other columns are null (unknown, not zero).
/// Indicators build on this table: changes against earlier months and sums over neighbours are queries over it.
/// </summary>
public sealed class CountryMonth
{
    public required string Series { get; set; }
    public required string CountryIso3 { get; set; }
    /// <summary>The first day of the month.</summary>
    public DateOnly Month { get; set; }
    public int StateBased { get; set; }
    public int? NonState { get; set; }
    public int? OneSided { get; set; }
    /// <summary>Fatalities in events that are not organized violence (ACLED riots, protests...).</summary>
    public int? Other { get; set; }
    public int? Events { get; set; }
    public int? Admin1Areas { get; set; }

    /// <summary>Fatalities in organized violence (state-based + non-state + one-sided); null when the series does not know all three.</summary>
    public int? OrganizedViolence => NonState is { } ns && OneSided is { } os ? StateBased + ns + os : null;

    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>Whether <paramref name="other"/> has the same figures (whatever its key).</summary>
    public bool HasSameFiguresAs(CountryMonth other) =>
        StateBased == other.StateBased && NonState == other.NonState && OneSided == other.OneSided && Other == other.Other &&
        Events == other.Events && Admin1Areas == other.Admin1Areas;
}

/// <summary>One run of an import: which file, by whom, and what it changed. Audited as one entry.</summary>
public sealed class ImportBatch
{
    public long Id { get; set; }
    public required string Dataset { get; set; }
    public required string FileName { get; set; }
    public long Bytes { get; set; }
    public required string Sha256 { get; set; }
    public Guid OwnerOrganizationId { get; set; }
    public string? UserName { get; set; }
    public DateTimeOffset StartedAt { get; set; }
    public DateTimeOffset CompletedAt { get; set; }
    public int Rows { get; set; }
    public int Inserted { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int CountryMonthsRecomputed { get; set; }
}
