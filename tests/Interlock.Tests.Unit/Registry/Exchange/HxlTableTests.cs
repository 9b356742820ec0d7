using CsCheck;
using Interlock.Registry.Exchange;

namespace Interlock.Tests.Unit.Registry.Exchange;

public sealed class HxlTableTests
{
    private static readonly HxlColumn Code = new("Code", "#org+code", "code", Required: true);
    private static readonly HxlColumn NameFr = new("Name (French)", "#org+name+i_fr", "nameFr");
    private static readonly HxlColumn Start = new("Start", "#date+start", "start");
    private static readonly HxlColumn[] Spec = [Code, NameFr, Start];

    [Fact]
    public void Hashtags_compare_their_attributes_as_a_set_and_ignore_case()
    {
        Assert.True(HxlTag.Parse("#ORG+i_fr+Name")!.SameAs(HxlTag.Parse("#org+name+i_fr")!));
        Assert.False(HxlTag.Parse("#org+name")!.SameAs(HxlTag.Parse("#org+name+i_fr")!));
        Assert.Null(HxlTag.Parse("Code"));
        Assert.Null(HxlTag.Parse("#org+"));
        Assert.Equal("#org+i_fr+name", HxlTag.Parse("# org +name+i_fr")!.ToString());
    }

    [Fact]
    public void Columns_are_found_by_hashtag_whatever_their_position_and_header()
    {
        var table = HxlTable.Parse("Début,Nom,Sigle\n#date+start,#org+i_fr+name,#org+code\n2024-01-31,Union africaine,AU\n");
        var rejections = new List<ExchangeRejection>();
        var binding = table.Bind(Spec, rejections);

        Assert.Empty(rejections);
        var row = new ExchangeRow(table.Rows[0], binding, rejections);
        Assert.Equal("AU", row.Text(Code));
        Assert.Equal("Union africaine", row.Text(NameFr));
        Assert.Equal(new DateOnly(2024, 1, 31), row.Date(Start));
        Assert.Equal(3, table.Rows[0].Line);
        Assert.Equal("Sigle", binding.NameOf(Code));
    }

    [Fact]
    public void Without_a_hashtag_row_columns_are_found_by_header()
    {
        var table = HxlTable.Parse("start,CODE\r\n2020-05-01,ECOWAS\r\n");
        var rejections = new List<ExchangeRejection>();
        var binding = table.Bind(Spec, rejections);

        Assert.Empty(rejections);
        Assert.Equal("ECOWAS", new ExchangeRow(table.Rows[0], binding, rejections).Text(Code));
        Assert.Equal(2, table.Rows[0].Line);
    }

    [Fact]
    public void A_byte_order_mark_CRLF_line_ends_and_a_semicolon_separator_are_accepted()
    {
        var table = HxlTable.Parse("\uFEFFCode;Name (French)\r\n#org+code;#org+name+i_fr\r\nOSCE;\"Organisation pour la sécurité; et la coopération\"\r\n\r\n");
        var rejections = new List<ExchangeRejection>();
        var binding = table.Bind(Spec, rejections);

        Assert.Empty(rejections);
        var row = Assert.Single(table.Rows);
        Assert.Equal("OSCE", new ExchangeRow(row, binding, rejections).Text(Code));
        Assert.Equal("Organisation pour la sécurité; et la coopération", new ExchangeRow(row, binding, rejections).Text(NameFr));
    }

    [Fact]
    public void A_missing_required_column_and_a_duplicated_column_are_rejected_on_the_header_line()
    {
        var rejections = new List<ExchangeRejection>();
        HxlTable.Parse("Name (French),Start,Start\n#org+name+i_fr,#date+start,#date+start\nx,2020-01-01,2020-01-01\n").Bind(Spec, rejections);

        Assert.Contains(rejections, r => r is { Line: 2, Column: "Code" } && r.Reason.Contains("#org+code"));
        Assert.Contains(rejections, r => r is { Line: 2, Column: "Start" } && r.Reason.Contains("2 times"));
    }

    [Fact]
    public void The_first_row_of_the_file_is_line_1()
    {
        var rejections = new List<ExchangeRejection>();
        var headersOnly = HxlTable.Parse("Name (French),Start\nx,2020-01-01\n");
        headersOnly.Bind(Spec, rejections);
        Assert.Equal((1, 2), (headersOnly.HeaderLine, headersOnly.Rows[0].Line));
        Assert.Equal([(1, "Code")], rejections.Select(r => (r.Line, r.Column)));

        var hashtagsOnly = HxlTable.Parse("#org+code,#date+start\r\nAU,2020-01-01\r\n");
        Assert.Equal((1, 2), (hashtagsOnly.HeaderLine, hashtagsOnly.Rows[0].Line));
        // A multi-line header still starts on line 1; the hashtag row is the line after it ends.
        var quoted = HxlTable.Parse("\"Code\nof the organization\",Start\n#org+code,#date+start\nAU,2020-01-01\n");
        Assert.Equal((3, 4), (quoted.HeaderLine, quoted.Rows[0].Line));
        Assert.Equal(3, HxlTable.Parse("\n\n#org+code\nAU\n").HeaderLine);
    }

    [Fact]
    public void An_empty_file_is_rejected()
    {
        var rejections = new List<ExchangeRejection>();
        HxlTable.Parse("\uFEFF\r\n").Bind(Spec, rejections);
        Assert.Single(rejections);
    }

    [Fact]
    public void Every_bad_value_is_reported_with_its_line_and_the_files_header()
    {
        // The second data row holds a line break inside quotes: the next row starts on line 6.
        var text = "Sigle,Début\n#org+code,#date+start\nAU,2024-13-01\n\"multi\nline\",2024-01-01\n,31/01/2024\n";
        var table = HxlTable.Parse(text);
        var rejections = new List<ExchangeRejection>();
        var binding = table.Bind(Spec, rejections);
        foreach (var hxl in table.Rows)
        {
            var row = new ExchangeRow(hxl, binding, rejections);
            row.Text(Code);
            row.Date(Start);
        }

        Assert.Equal(
        [
            new ExchangeRejection(3, "Début", "'2024-13-01' is not a date as YYYY-MM-DD."),
            new ExchangeRejection(6, "Sigle", "A value is required."),
            new ExchangeRejection(6, "Début", "'31/01/2024' is not a date as YYYY-MM-DD."),
        ], rejections);
    }

    [Fact]
    public void Domain_errors_are_reported_on_the_column_of_their_field()
    {
        var table = HxlTable.Parse("Nom\n#org+name+i_fr\nx\n");
        var rejections = new List<ExchangeRejection>();
        var row = new ExchangeRow(table.Rows[0], table.Bind([NameFr], rejections), rejections);
        row.Reject(new Interlock.Shared.ValidationErrors().Add("nameFr", "Too short.").Add("other", "Elsewhere."));

        Assert.Contains(new ExchangeRejection(3, "Nom", "Too short."), rejections);
        Assert.Contains(new ExchangeRejection(3, "other", "Elsewhere."), rejections);
        Assert.True(row.IsRejected);
    }

    [Fact]
    public void Enums_accept_any_case_but_not_numbers_and_lists_split_on_semicolons()
    {
        var table = HxlTable.Parse("Kind,Kind2,List\n#org+type,#org+type+b,#country+code\nregionalArrangement,3,\"MLI; NER , BFA\"\n");
        var kind = new HxlColumn("Kind", "#org+type");
        var kind2 = new HxlColumn("Kind2", "#org+type+b");
        var list = new HxlColumn("List", "#country+code");
        var rejections = new List<ExchangeRejection>();
        var row = new ExchangeRow(table.Rows[0], table.Bind([kind, kind2, list], rejections), rejections);

        Assert.Equal(Interlock.Registry.OrganizationKind.RegionalArrangement, row.Enum<Interlock.Registry.OrganizationKind>(kind));
        Assert.Null(row.Enum<Interlock.Registry.OrganizationKind>(kind2));
        Assert.Equal(["MLI", "NER", "BFA"], row.List(list));
        Assert.Contains("regionalArrangement", Assert.Single(rejections).Reason);
    }

    [Fact]
    public void What_the_writer_writes_the_reader_reads_back()
    {
        var cell = Gen.OneOf(Gen.String, Gen.Const("a,b"), Gen.Const("say \"hi\""), Gen.Const("two\r\nlines"), Gen.Const("x;y"), Gen.Const(" padded "));
        Gen.Select(cell, cell, cell).Sample((a, b, c) =>
        {
            var columns = new[] { new HxlColumn("A", "#meta+a"), new HxlColumn("B", "#meta+b"), new HxlColumn("C", "#meta+c") };
            // A row that is blank after trimming is skipped by design; give each row one plain value.
            var text = HxlWriter.Write(columns, [["k", a, b], [c, "k", a]]);
            var table = HxlTable.Parse(text);
            var rejections = new List<ExchangeRejection>();
            var binding = table.Bind(columns, rejections);
            var first = new ExchangeRow(table.Rows[0], binding, rejections);
            var second = new ExchangeRow(table.Rows[1], binding, rejections);
            return Norm(first.Text(columns[1])) == Norm(a) && Norm(first.Text(columns[2])) == Norm(b)
                && Norm(second.Text(columns[0])) == Norm(c) && Norm(second.Text(columns[2])) == Norm(a);
        });
    }

    /// <summary>The reader trims values and reads a blank one as none.</summary>
    private static string? Norm(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
