using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Interlock.EarlyWarning.Alerts;

public static class AlertServices
{
    /// <summary>The evaluator and its settings, for the web host and the CLI alike.</summary>
    public static IServiceCollection AddInterlockAlerts(this IServiceCollection services)
    {
        services.AddSingleton(sp => AlertSettings.Read(sp.GetRequiredService<IConfiguration>()));
        services.AddSingleton(sp => new AlertMailer(SmtpSettings.Read(sp.GetRequiredService<IConfiguration>())));
        services.AddScoped<AlertEvaluator>();
        return services;
    }
}
