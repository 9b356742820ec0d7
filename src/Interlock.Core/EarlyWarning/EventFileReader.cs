using System.Security.Cryptography;
using System.Text;
using nietras.SeparatedValues;

namespace Interlock.EarlyWarning;

/// <summary>
/// Reads an event file (UCDP GED or ACLED CSV) as a stream, never holding it: rows are validated one by one and the
/// valid ones handed out in small batches. Every problem is collected with its line and column, so that a user fixes
/// a file in one go; a file with any rejection is not imported at all (see <see cref="EventImporter"/>).
/// Columns are found by header name, so column order and extra columns do not matter (older and newer releases load).
/// </summary>
public sealed class EventFileReader
{
    public const int BatchSize = 512;
    /// <summary>How often progress is reported, in rows.</summary>
    public const int ProgressEvery = 8192;

    private readonly EventFormat _format;
    private readonly List<ImportRejection> _rejections = [];
    private readonly Dictionary<long, int> _numericIds = [];
    private readonly Dictionary<string, int> _textIds = new(StringComparer.Ordinal);

    private EventFileReader(EventFormat format) => _format = format;

    public static EventFileReader For(string dataset, CountryCodes? codes = null, DateOnly? today = null)
    {
        var context = new FormatContext(codes ?? CountryCodes.Default, today ?? DateOnly.FromDateTime(DateTime.UtcNow));
        return new EventFileReader(dataset switch
        {
            EventDatasets.UcdpGed => new UcdpGedFormat(context),
            EventDatasets.Acled => new AcledFormat(context),
            _ => throw new ArgumentException($"No file format for dataset '{dataset}'; use {EventDatasets.UcdpGed} or {EventDatasets.Acled}.", nameof(dataset)),
        });
    }

    public string Dataset => _format.Dataset;
    /// <summary>Data rows read (valid or not).</summary>
    public long Rows { get; private set; }
    public long Bytes { get; private set; }
    public int RejectedRows { get; private set; }
    /// <summary>The first <see cref="ImportResult.MaxListedRejections"/> problems, in file order.</summary>
    public IReadOnlyList<ImportRejection> Rejections => _rejections;
    public bool HasRejections => RejectedRows > 0 || _rejections.Count > 0;
    /// <summary>SHA-256 of the bytes read, complete once <see cref="ReadBatches"/> has finished (empty when not asked for).</summary>
    public string Sha256 { get; private set; } = "";

    /// <summary>
    /// Yields the valid events in batches of up to <see cref="BatchSize"/> (a fresh array each time, so a consumer on
    /// another thread may keep it). Check <see cref="HasRejections"/> afterwards: rejected rows are not yielded.
    /// </summary>
    public IEnumerable<ArraySegment<ParsedEvent>> ReadBatches(Stream stream, IProgress<ImportProgress>? progress = null,
        long? totalBytes = null, CancellationToken ct = default, bool hash = true)
    {
        totalBytes ??= stream.CanSeek ? stream.Length - stream.Position : null;
        using var counting = new CountingStream(stream, hash);
        using var text = new StreamReader(counting, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        using var reader = Sep.New(',').Reader(o => o with
        {
            Unescape = true,
            // Counted here instead, to name the line and say what is wrong rather than stop at Sep's exception.
            DisableColCountCheck = true,
            CreateToString = SepToString.PoolPerCol(maximumStringLength: 256, maximumCapacity: 16384),
        }).From(text, leaveOpen: true);

        if (CheckHeader(reader))
        {
            var columns = reader.Header.ColNames.Count;
            var batch = new ParsedEvent[BatchSize];
            var count = 0;
            var row = new RowState(this);
            foreach (var r in reader)
            {
                Rows++;
                if (Rows % ProgressEvery == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    progress?.Report(new ImportProgress(Rows, counting.BytesRead, totalBytes));
                }
                row.Begin(r.LineNumberFrom);
                if (r.ColCount != columns)
                {
                    row.Fail("record", r.ColCount < columns
                        ? $"has {r.ColCount} fields where the header has {columns}: the file is truncated, a line is cut, or a quote is not closed."
                        : $"has {r.ColCount} fields where the header has {columns}: a field contains an unquoted comma, or the separator is not a comma.");
                    continue;
                }
                ref var e = ref batch[count];
                e = default;
                e.Line = r.LineNumberFrom;
                _format.Parse(r, ref e, row);
                if (row.Failed) continue;
                CheckDuplicate(e, row);
                if (row.Failed) continue;
                if (++count == BatchSize)
                {
                    yield return new ArraySegment<ParsedEvent>(batch, 0, count);
                    batch = new ParsedEvent[BatchSize];
                    count = 0;
                }
            }
            if (count > 0) yield return new ArraySegment<ParsedEvent>(batch, 0, count);
            if (Rows == 0) Reject(2, "file", "the file has a header but no events.");
        }
        // Read to the end, so the hash and byte count cover the whole file.
        text.ReadToEnd();
        Bytes = counting.BytesRead;
        Sha256 = counting.HashHex();
        progress?.Report(new ImportProgress(Rows, Bytes, totalBytes));
    }

    /// <summary>Reads the whole file without storing anything: the parse-and-validate pass.</summary>
    public long Validate(Stream stream, IProgress<ImportProgress>? progress = null, CancellationToken ct = default)
    {
        long valid = 0;
        // No fingerprint: it is recorded with an import, and parsing and checking do not need it.
        foreach (var batch in ReadBatches(stream, progress, null, ct, hash: false)) valid += batch.Count;
        return valid;
    }

    private bool CheckHeader(SepReader reader)
    {
        if (reader.Header.IsEmpty || reader.Header.ColNames.Count == 0 ||
            (reader.Header.ColNames.Count == 1 && string.IsNullOrWhiteSpace(reader.Header.ColNames[0]) && !reader.HasRows))
        {
            Reject(1, "file", $"the file is empty: a {_format.Name} file starts with a header line naming its columns ({string.Join(", ", _format.Required)}).");
            return false;
        }
        var names = reader.Header.ColNames;
        if (names.Count == 1 && (names[0].Contains(';') || names[0].Contains('\t') || names[0].Contains('|')))
        {
            var found = names[0].Contains(';') ? "';'" : names[0].Contains('\t') ? "a tab" : "'|'";
            Reject(1, "header", $"the columns are separated by {found}; {_format.Name} files must be comma-separated.");
            return false;
        }
        var missing = _format.Bind(reader.Header);
        if (missing.Count > 0)
        {
            Reject(1, "header", $"missing required column{(missing.Count > 1 ? "s" : "")}: {string.Join(", ", missing)}.");
            return false;
        }
        return true;
    }

    private void CheckDuplicate(in ParsedEvent e, RowState row)
    {
        if (_format.NumericIds && long.TryParse(e.SourceEventId, out var n))
        {
            if (_numericIds.TryAdd(n, e.Line)) return;
            row.Fail(_format.IdColumn, $"duplicate event id {e.SourceEventId}: the same id is on line {_numericIds[n]}.");
            return;
        }
        if (_textIds.TryAdd(e.SourceEventId, e.Line)) return;
        row.Fail(_format.IdColumn, $"duplicate event id {e.SourceEventId}: the same id is on line {_textIds[e.SourceEventId]}.");
    }

    private void Reject(int line, string field, string reason)
    {
        if (_rejections.Count < ImportResult.MaxListedRejections) _rejections.Add(new ImportRejection(line, field, reason));
    }

    /// <summary>The problems of the row being read: each is listed; the row counts once.</summary>
    internal sealed class RowState(EventFileReader owner)
    {
        private int _line;
        public bool Failed { get; private set; }

        public void Begin(int line)
        {
            _line = line;
            Failed = false;
        }

        public void Fail(string field, string reason)
        {
            if (!Failed) owner.RejectedRows++;
            Failed = true;
            owner.Reject(_line, field, reason);
        }
    }

    /// <summary>Counts and hashes the bytes as they are read, for progress and the batch's fingerprint.</summary>
    private sealed class CountingStream(Stream inner, bool hash) : Stream
    {
        private readonly IncrementalHash? _hash = hash ? IncrementalHash.CreateHash(HashAlgorithmName.SHA256) : null;
        public long BytesRead { get; private set; }

        public string HashHex() => _hash is null ? "" : Convert.ToHexStringLower(_hash.GetHashAndReset());

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            var n = inner.Read(buffer);
            _hash?.AppendData(buffer[..n]);
            BytesRead += n;
            return n;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _hash?.Dispose();
            base.Dispose(disposing);
        }
    }
}
