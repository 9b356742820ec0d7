using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using SQLitePCL;

namespace Interlock.EarlyWarning;

/// <summary>
/// The handful of SQLite calls made once per row in bulk paths, bound directly to the same native library that
/// Microsoft.Data.Sqlite loads (e_sqlite3). Through SQLitePCL each call also takes and releases a SafeHandle, which cost
/// more than SQLite's own work per row; here a call is a plain function call. Statements are still prepared and
/// finalized through SQLitePCL (their <see cref="sqlite3_stmt"/> keeps the pointer alive); only binding, stepping and
/// reading columns go this way. The calls that return at once and never call back skip the GC transition.
/// </summary>
internal static unsafe partial class SqliteNative
{
    private const string Library = "e_sqlite3";
    /// <summary>SQLITE_TRANSIENT: SQLite copies the bound bytes, so the caller's buffer can be reused at once.</summary>
    private static readonly IntPtr Transient = new(-1);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_int"), SuppressGCTransition, UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int BindInt(IntPtr stmt, int index, int value);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_int64"), SuppressGCTransition, UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int BindInt64(IntPtr stmt, int index, long value);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_double"), SuppressGCTransition, UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int BindDouble(IntPtr stmt, int index, double value);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_null"), SuppressGCTransition, UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int BindNull(IntPtr stmt, int index);

    [LibraryImport(Library, EntryPoint = "sqlite3_bind_text"), SuppressGCTransition, UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int BindText(IntPtr stmt, int index, byte* text, int length, IntPtr destructor);

    [LibraryImport(Library, EntryPoint = "sqlite3_step"), UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int Step(IntPtr stmt);

    [LibraryImport(Library, EntryPoint = "sqlite3_reset"), SuppressGCTransition, UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int Reset(IntPtr stmt);

    [LibraryImport(Library, EntryPoint = "sqlite3_changes"), SuppressGCTransition, UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int Changes(IntPtr db);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_int"), SuppressGCTransition, UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int ColumnInt(IntPtr stmt, int index);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_type"), SuppressGCTransition, UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int ColumnType(IntPtr stmt, int index);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_text"), SuppressGCTransition, UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial byte* ColumnText(IntPtr stmt, int index);

    /// <summary>A prepared statement's pointer, valid while its <see cref="sqlite3_stmt"/> is not disposed.</summary>
    public readonly struct Statement(sqlite3_stmt statement)
    {
        private readonly IntPtr _p = statement.DangerousGetHandle();

        public int Int(int index, int value) => BindInt(_p, index, value);
        public int Int64(int index, long value) => BindInt64(_p, index, value);
        public int Double(int index, double? value) => value is { } v ? BindDouble(_p, index, v) : BindNull(_p, index);
        public int Null(int index) => BindNull(_p, index);

        public int Text(int index, ReadOnlySpan<byte> utf8)
        {
            fixed (byte* p = utf8) return BindText(_p, index, p, utf8.Length, Transient);
        }

        public int Step() => SqliteNative.Step(_p);
        public int Reset() => SqliteNative.Reset(_p);

        public int ColumnInt(int index) => SqliteNative.ColumnInt(_p, index);
        public bool IsNull(int index) => ColumnType(_p, index) == raw.SQLITE_NULL;

        /// <summary>A text column's UTF-8 bytes (empty for NULL), valid until the next step.</summary>
        public ReadOnlySpan<byte> ColumnText(int index)
        {
            TryColumnText(index, out var text);
            return text;
        }

        /// <summary>
        /// A text column's UTF-8 bytes, valid until the next step; false for NULL. One native call: SQLite ends the text
        /// it returns with a NUL, so its length is found here rather than asked for (each call takes the connection's mutex).
        /// </summary>
        public bool TryColumnText(int index, out ReadOnlySpan<byte> text)
        {
            var p = SqliteNative.ColumnText(_p, index);
            text = p == null ? default : MemoryMarshal.CreateReadOnlySpanFromNullTerminated(p);
            return p != null;
        }
    }

    public static int ChangesOf(sqlite3 db) => Changes(db.DangerousGetHandle());
}
