using System.Text;
using Interlock.EarlyWarning;

namespace Interlock.Tests.Unit.EarlyWarning;

/// <summary>Event files written by the tests, and the reader run over them.</summary>
internal static class EventFiles
{
    public static readonly DateOnly Today = new(2026, 11, 26);

    public const string GedHeader = "id,type_of_violence,country_id,country,adm_1,date_start,date_end,best,low,high,latitude,longitude,side_a,side_b";

    /// <summary>A small GED file: two events in the Central African Republic, one in Mali.</summary>
    public static string SmallGed(string newline = "\n") => string.Join(newline,
        GedHeader,
        "1001,1,482,Central African Republic,Ouaka province,2021-01-05 00:00:00.000,2021-01-05 00:00:00.000,12,10,15,6.25,21.2,Government of Central African Republic,CPC",
        "1002,3,482,Central African Republic,\"Bangui, city\",2021-01-20,2021-01-21,3,3,3,4.36,18.58,UPC,\"Civilians\"",
        "1003,2,432,Mali,Mopti region,2021-02-01,2021-02-01,7,7,9,14.5,-4.2,JNIM,IS Sahel",
        "");

    public static Stream Utf8(string text, bool bom = false)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        return new MemoryStream(bom ? [.. Encoding.UTF8.Preamble, .. bytes] : bytes);
    }

    public sealed record Read(List<ParsedEvent> Events, EventFileReader Reader);

    public static Read ReadAll(string dataset, Stream stream)
    {
        var reader = EventFileReader.For(dataset, today: Today);
        var events = reader.ReadBatches(stream).SelectMany(b => b).ToList();
        return new Read(events, reader);
    }

    public static Read ReadAll(string dataset, string text, bool bom = false) => ReadAll(dataset, Utf8(text, bom));

    public static Read Ged(string text) => ReadAll(EventDatasets.UcdpGed, text);

    public static Read Acled(string text) => ReadAll(EventDatasets.Acled, text);

    /// <summary>The real UCDP GED 23.1 file of the Central African Republic, as shipped in data/events/ (embedded).</summary>
    public static Stream RealGed() => ShippedEventData.Open(ShippedEventData.GedFile);
}
