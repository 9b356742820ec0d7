using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Interlock.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class EarlyWarningEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConflictEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Dataset = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SourceEventId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CountryIso3 = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Admin1 = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    DateStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DateEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ViolenceType = table.Column<byte>(type: "INTEGER", nullable: false),
                    Best = table.Column<int>(type: "INTEGER", nullable: false),
                    Low = table.Column<int>(type: "INTEGER", nullable: false),
                    High = table.Column<int>(type: "INTEGER", nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    SideA = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    SideB = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    ImportBatchId = table.Column<long>(type: "INTEGER", nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Classification = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConflictEvents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CountryMonths",
                columns: table => new
                {
                    Series = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CountryIso3 = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    StateBased = table.Column<int>(type: "INTEGER", nullable: false),
                    NonState = table.Column<int>(type: "INTEGER", nullable: true),
                    OneSided = table.Column<int>(type: "INTEGER", nullable: true),
                    Other = table.Column<int>(type: "INTEGER", nullable: true),
                    Events = table.Column<int>(type: "INTEGER", nullable: true),
                    Admin1Areas = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CountryMonths", x => new { x.Series, x.CountryIso3, x.Month });
                });

            migrationBuilder.CreateTable(
                name: "ImportBatches",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false),
                    Dataset = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 260, nullable: false),
                    Bytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OwnerOrganizationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    Rows = table.Column<int>(type: "INTEGER", nullable: false),
                    Inserted = table.Column<int>(type: "INTEGER", nullable: false),
                    Updated = table.Column<int>(type: "INTEGER", nullable: false),
                    Unchanged = table.Column<int>(type: "INTEGER", nullable: false),
                    CountryMonthsRecomputed = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportBatches", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ConflictEvents_CountryIso3_DateStart",
                table: "ConflictEvents",
                columns: new[] { "CountryIso3", "DateStart" });

            migrationBuilder.CreateIndex(
                name: "IX_ConflictEvents_Dataset_SourceEventId",
                table: "ConflictEvents",
                columns: new[] { "Dataset", "SourceEventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CountryMonths_CountryIso3_Month",
                table: "CountryMonths",
                columns: new[] { "CountryIso3", "Month" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConflictEvents");

            migrationBuilder.DropTable(
                name: "CountryMonths");

            migrationBuilder.DropTable(
                name: "ImportBatches");
        }
    }
}
