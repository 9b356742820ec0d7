using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Interlock.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DerivedIndicatorsComputedOnRead : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Derived indicator values are computed when read (DerivedIndicatorValues), no longer stored: only the
            // reported values (observations) stay in the table.
            migrationBuilder.Sql("""
                DELETE FROM "IndicatorValues" WHERE "IndicatorCode" IN ('sb-fatalities', 'ns-fatalities', 'os-fatalities', 'ov-fatalities',
                  'events', 'spread', 'change-3m', 'change-12m', 'spillover') AND "ObservationId" IS NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to restore: the earlier code rewrites the derived rows at its next full recompute (`interlock risk recompute`).
        }
    }
}
