using System.Text;
using Interlock.Registry;
using Interlock.Security;

namespace Interlock.Tests.Unit.Registry;

public sealed class VCardWriterTests
{
    private static VCardContact Contact(string name = "Amina Diallo", string? note = null, string? phone = "+251 11 551 7700",
        string? org = "African Union", string? address = null) =>
        new(Guid.Parse("0190a1b2-0000-7000-8000-000000000001"), name, org, "Head, Early Warning", "a.diallo@example.org", phone, address,
            ["fr", "en"], note);

    private static string[] Lines(string card) => card.Split("\r\n")[..^1];

    [Fact]
    public void A_card_is_version_4_with_the_expected_properties_and_CRLF_lines()
    {
        var card = VCardWriter.Write(Contact(note: "Focal point for early warning since 2024-01-01."));
        Assert.EndsWith("\r\n", card);
        Assert.DoesNotContain("\n", card.Replace("\r\n", ""));
        Assert.Equal(
        [
            "BEGIN:VCARD", "VERSION:4.0", "KIND:individual", "UID:urn:uuid:0190a1b2-0000-7000-8000-000000000001", "FN:Amina Diallo",
            "N:Diallo;Amina;;;", "ORG:African Union", "TITLE:Head\\, Early Warning", "EMAIL;TYPE=work:a.diallo@example.org",
            "TEL;VALUE=uri;TYPE=work:tel:+251115517700", "LANG;PREF=1:fr", "LANG;PREF=2:en",
            "NOTE:Focal point for early warning since 2024-01-01.", "END:VCARD",
        ], Lines(card));
    }

    [Theory]
    [InlineData("a,b", @"a\,b")]
    [InlineData("a;b", @"a\;b")]
    [InlineData("a\\b", @"a\\b")]
    [InlineData("line 1\nline 2", @"line 1\nline 2")]
    [InlineData("line 1\r\nline 2\rline 3", @"line 1\nline 2\nline 3")]
    public void Commas_semicolons_backslashes_and_newlines_are_escaped(string value, string escaped) =>
        Assert.Equal(escaped, VCardWriter.Escape(value));

    [Fact]
    public void An_address_with_newlines_stays_on_one_content_line()
    {
        var card = VCardWriter.Write(Contact(address: "Roosevelt Street\nAddis Ababa; Ethiopia"));
        Assert.Contains(@"ADR;TYPE=work:;;Roosevelt Street\nAddis Ababa\; Ethiopia;;;;", card);
    }

    [Fact]
    public void Long_lines_fold_at_75_octets_without_splitting_a_character()
    {
        var note = string.Concat(Enumerable.Repeat("Coordination des opérations à l'échelle régionale — ", 6));
        var card = VCardWriter.Write(Contact(note: note));
        var physical = Lines(card);
        Assert.All(physical, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"{Encoding.UTF8.GetByteCount(l)} octets: {l}"));
        Assert.Contains(physical, l => l.StartsWith(' '));
        // Unfolding (remove CRLF + one space) gives back the whole content line.
        var unfolded = card.Replace("\r\n ", "");
        Assert.Contains("NOTE:" + VCardWriter.Escape(note) + "\r\n", unfolded);
    }

    [Fact]
    public void Folding_never_splits_multi_octet_characters()
    {
        foreach (var ch in new[] { "é", "—", "😀" })
        {
            var line = "NOTE:" + string.Concat(Enumerable.Repeat(ch, 80));
            var parts = VCardWriter.Fold(line);
            Assert.All(parts, p => Assert.True(Encoding.UTF8.GetByteCount(p) <= 75));
            Assert.Equal(line, parts[0] + string.Concat(parts.Skip(1).Select(p => p[1..])));
            Assert.All(parts, p => Assert.DoesNotContain('\uFFFD', Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(p))));
        }
    }

    [Theory]
    [InlineData("Amina Diallo", "Diallo", "Amina")]
    [InlineData("LACROIX Jean-Pierre", "LACROIX", "Jean-Pierre")]
    [InlineData("Maria Fernanda ESPINOSA GARCÉS", "ESPINOSA GARCÉS", "Maria Fernanda")]
    [InlineData("Madonna", "Madonna", "")]
    public void Family_and_given_names_are_guessed_for_N(string full, string family, string given) =>
        Assert.Equal((family, given), VCardWriter.SplitName(full));

    [Fact]
    public void A_phone_that_is_not_a_number_stays_text()
    {
        var card = VCardWriter.Write(Contact(phone: "ask the switchboard, ext. 12"));
        Assert.Contains(@"TEL;VALUE=text;TYPE=work:ask the switchboard\, ext. 12", card);
    }

    [Fact]
    public void Several_cards_follow_each_other()
    {
        var text = VCardWriter.Write([Contact(), Contact("Kofi Mensah")]);
        Assert.Equal(2, text.Split("BEGIN:VCARD").Length - 1);
        Assert.Equal(2, text.Split("END:VCARD\r\n").Length - 1);
    }

    [Theory]
    [InlineData(Role.Reader, false)]
    [InlineData(Role.Contributor, false)]
    [InlineData(Role.FocalPoint, true)]
    [InlineData(Role.Analyst, true)]
    [InlineData(Role.OrgAdmin, true)]
    [InlineData(Role.Administrator, true)]
    [InlineData(Role.Reader | Role.Analyst, true)]
    public void Only_FocalPoint_Analyst_OrgAdmin_or_Administrator_may_export(Role roles, bool may) =>
        Assert.Equal(may, ContactExport.MayExport(new Subject("u", "u", Guid.NewGuid(), roles)));

    [Fact]
    public void Anonymous_callers_never_export() => Assert.False(ContactExport.MayExport(Subject.Anonymous));

    [Fact]
    public void The_note_names_the_current_roles_only()
    {
        var today = new DateOnly(2026, 6, 1);
        var person = new Person
        {
            FullName = "Amina Diallo",
            Roles =
            [
                new() { Kind = PersonRoleKind.FocalPoint, Purpose = FocalPointPurpose.EarlyWarning, Start = new DateOnly(2024, 1, 1) },
                new() { Kind = PersonRoleKind.LiaisonOfficial, Start = new DateOnly(2020, 1, 1), End = new DateOnly(2024, 1, 1) },
                new() { Kind = PersonRoleKind.StaffOfficer, CountryIso3 = "MLI", AreaCode = "mediation", Start = new DateOnly(2025, 1, 1) },
            ],
        };
        var card = ContactExport.ToVCard(person, "African Union", today);
        Assert.Equal("Focal point for early warning since 2024-01-01. Staff officer for MLI, mediation since 2025-01-01.", card.Note);
    }
}
