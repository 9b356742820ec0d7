namespace Interlock.Web.Meetings;

/// <summary>What the meetings module adds to the host: its background work, its API and its feeds.</summary>
public static class MeetingsSetup
{
    public static IServiceCollection AddMeetings(this IServiceCollection services) =>
        services.AddHostedService<MeetingsBackgroundService>();

    public static void MapMeetings(this IEndpointRouteBuilder app)
    {
        app.MapMeetingApi();
        app.MapDecisionApi();
        app.MapStandingCommitteeApi();
        app.MapMeetingFeeds();
    }
}
