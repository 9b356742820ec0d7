using Interlock.EarlyWarning.Risk;
using Interlock.EarlyWarning.Situations.Ripeness;
using Interlock.EarlyWarning.Situations.Timeline;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Interlock.Web.EarlyWarning;

/// <summary>Services of observations, incident reports and situations; their changes recompute the risk model.</summary>
public static class EarlyWarningExchange
{
    public static IServiceCollection AddEarlyWarningExchange(this IServiceCollection services, IConfiguration config)
    {
        services.TryAddScoped<IRiskRecomputer, RiskModelRecomputer>();
        services.AddScoped<ObservationService>();
        services.AddScoped<IncidentService>();
        services.AddScoped<SituationService>();
        // The timeline's sources: a new kind of entry is one more line here.
        services.AddSingleton<ITimelineSource, EventTimelineSource>();
        services.AddSingleton<ITimelineSource, ObservationTimelineSource>();
        services.AddSingleton<ITimelineSource, RiskChangeTimelineSource>();
        services.AddSingleton<ITimelineSource, NoteTimelineSource>();
        services.AddSingleton<ITimelineSource, AlertTimelineSource>();
        services.AddSingleton<ITimelineSource, CooperationTimelineSource>();
        services.AddSingleton<ITimelineSource, TransitionTimelineSource>();
        services.AddSingleton<ITimelineSource, EngagementTimelineSource>();
        services.AddScoped<SituationTimeline>();
        services.AddOptions<RipenessOptions>().Bind(config.GetSection(RipenessOptions.Section))
            .Validate(o => !o.Problems().Any(), "The Ripeness section is invalid: see docs/early-warning.md.").ValidateOnStart();
        return services;
    }

    public static void MapEarlyWarningExchangeApi(this IEndpointRouteBuilder app)
    {
        app.MapObservationApi();
        app.MapIncidentApi();
        app.MapSituationApi();
    }
}
