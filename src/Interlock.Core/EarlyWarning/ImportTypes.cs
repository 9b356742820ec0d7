namespace Interlock.EarlyWarning;

/// <summary>One valid row of an event file, ready to be stored. A struct: millions pass through in batches.</summary>
public struct ParsedEvent
{
    public int Line;
    public string SourceEventId;
    public string CountryIso3;
    public string? Admin1;
    public DateOnly DateStart;
    public DateOnly DateEnd;
    public ViolenceType ViolenceType;
    public int Best;
    public int Low;
    public int High;
    public double? Latitude;
    public double? Longitude;
    public string? SideA;
    public string? SideB;
}

/// <summary>Why a row (or the file) cannot be loaded: the line it starts on, the column, and the reason in words.</summary>
public sealed record ImportRejection(int Line, string Field, string Reason)
{
    public override string ToString() => $"line {Line}, {Field}: {Reason}";
}

/// <summary>How far an import is: rows read and bytes read of the file (of <see cref="TotalBytes"/> when known).</summary>
public readonly record struct ImportProgress(long Rows, long Bytes, long? TotalBytes, string Stage = ImportStages.Reading)
{
    public double? Fraction => TotalBytes is > 0 ? Math.Clamp((double)Bytes / TotalBytes.Value, 0, 1) : null;
}

public static class ImportStages
{
    public const string Reading = "reading";
    public const string Series = "country-months";
    public const string Done = "done";
}

/// <summary>What an import did. Nothing is written unless <see cref="Succeeded"/>: one rejected row rejects the file.</summary>
public sealed record ImportResult(
    string Dataset,
    string FileName,
    long Rows,
    int Inserted,
    int Updated,
    int Unchanged,
    int RejectedRows,
    IReadOnlyList<ImportRejection> Rejections,
    int CountryMonthsRecomputed,
    long? BatchId,
    TimeSpan Elapsed)
{
    public bool Succeeded => RejectedRows == 0 && Rejections.Count == 0;

    /// <summary>Where <see cref="Elapsed"/> went, stage by stage, in order (e.g. "read and write", "country-months", "risk").</summary>
    public IReadOnlyList<ImportStageTime> Stages { get; init; } = [];

    /// <summary>How many rejections are listed at most; the count of rejected rows is always complete.</summary>
    public const int MaxListedRejections = 100;
}

/// <summary>The wall time of one stage of an import.</summary>
public readonly record struct ImportStageTime(string Stage, TimeSpan Elapsed);

public sealed record ImportOptions
{
    /// <summary>The organization the new events belong to (the importer's; the secretariat for the shipped data).</summary>
    public required Guid OwnerOrganizationId { get; init; }
    /// <summary>The name recorded in the import batch and the audit log (not a path that is opened).</summary>
    public required string FileName { get; init; }
    public IProgress<ImportProgress>? Progress { get; init; }
    /// <summary>Events dated after this day are rejected. Default: today (UTC).</summary>
    public DateOnly? Today { get; init; }
    /// <summary>The file's length, for the progress fraction, when the stream cannot tell it.</summary>
    public long? TotalBytes { get; init; }
    /// <summary>
    /// SQLite only: force the bulk strategy (true) or the row-by-row upsert (false) instead of choosing by the sizes of
    /// the file and the table. For tests and benchmarks; both give the same result.
    /// </summary>
    public bool? SqliteBulk { get; init; }
    /// <summary>Recompute the indicators and risk of the touched country-months in the import's transaction (default).
    /// The first start's load turns it off and recomputes everything once after all its files.</summary>
    public bool RecomputeRisk { get; init; } = true;
}
