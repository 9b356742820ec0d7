using System.Globalization;
using Interlock.Audit;
using Interlock.Data;
using Interlock.Identity;
using Interlock.EarlyWarning.Alerts;
using Interlock.Web.Alerts;
using Interlock.Web.Api;
using Interlock.Web.Audit;
using Interlock.Web.Capabilities;
using Interlock.Web.DivisionOfLabour;
using Interlock.Web.Components;
using Interlock.Web.EarlyWarning;
using Interlock.Web.Identity;
using Interlock.Web.Knowledge;
using Interlock.Web.Meetings;
using Interlock.Web.Registry;
using Interlock.Web.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Scalar.AspNetCore;

namespace Interlock.Web;

/// <summary>How the web host is composed; Program.cs only calls these, so tests build the same app.</summary>
public static class InterlockHost
{
    public const string DefaultUrl = "http://127.0.0.1:5080";
    public static readonly CultureInfo[] Cultures = [new("en"), new("fr")];

    public static void AddInterlock(this WebApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]) &&
            string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_URLS")))
            builder.WebHost.UseUrls(DefaultUrl);

        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddInterlockData();
        services.AddScoped<IAuditActor, HttpAuditActor>();
        services.AddScoped<AccessService>();
        services.AddScoped<Interlock.Web.DivisionOfLabour.DivisionService>();
        services.AddSingleton<ImportProgressBoard>();
        services.AddEarlyWarningExchange(builder.Configuration);
        services.AddInterlockAlerts();
        services.AddHostedService<AlertEvaluationService>();
        services.AddMeetings();
        services.AddCandidateRanking(builder.Configuration);

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = "Interlock";
                o.DefaultChallengeScheme = "Interlock";
            })
            .AddPolicyScheme("Interlock", "Cookie or token", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? TokenAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(TokenAuthenticationHandler.SchemeName, null)
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "interlock.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // APIs answer 401/403; pages redirect to the sign-in page.
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
        });
        services.AddInterlockIdentityCore()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<InterlockClaimsFactory>();
        services.AddAuthorization();

        services.AddApiConventions();
        services.AddOpenApi("v1", o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Interlock API";
            doc.Info.Description = "The UN–regional organizations partnership: registry, early warning, division of labour, meetings, knowledge, resources.";
            return Task.CompletedTask;
        }));

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("en");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });

        services.AddRazorComponents();
        services.AddCascadingAuthenticationState();
        services.AddHealthChecks().AddDbContextCheck<InterlockDbContext>("database");
    }

    private static Task ApiAwareRedirect(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Migrates, seeds and creates the first administrator, printing a generated password once.</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        if (app.Configuration.GetValue("Database:InitializeOnStart", true) is false) return;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var outcome = await DatabaseInitializer.InitializeAsync(app.Services);
        app.Logger.LogInformation("Database ready on {Provider} in {Elapsed} ms; reference data {Seed}.",
            DatabaseSetup.ProviderOf(app.Configuration), clock.ElapsedMilliseconds,
            outcome.Seed.Skipped ? "already current" : $"loaded ({outcome.Seed.CountriesAdded} states, {outcome.Seed.OrganizationsAdded} organizations, {outcome.Seed.MembershipsAdded} memberships, {outcome.Seed.AreasAdded} areas, {outcome.Seed.CapabilitiesAdded} capabilities added)");
        if (outcome.EventData is { Skipped: false } events)
            app.Logger.LogInformation("Loaded the shipped conflict data in {Elapsed} ms: {Events} UCDP GED events, {Series} reference country-months.",
                (int)events.Elapsed.TotalMilliseconds, events.Events?.Inserted, events.Series?.Inserted);
        if (outcome.Admin is { } admin)
        {
            var message = admin.PasswordGenerated
                ? $"Created the administrator '{admin.User.UserName}' with the one-time password: {admin.Password}\nSign in and change it; it is not shown again."
                : $"Created the administrator '{admin.User.UserName}' with the configured password ({DatabaseInitializer.AdminPasswordVariable} or Bootstrap:AdminPassword).";
            Console.WriteLine(new string('=', 72));
            Console.WriteLine(message);
            Console.WriteLine(new string('=', 72));
        }
    }

    public static void UseInterlock(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRequestLocalization();
        app.UseAuthentication();
        app.UseMiddleware<RejectInvalidBearerToken>();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapStaticAssets().AllowAnonymous();
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();
        app.MapScalarApiReference("/api/reference", o => o.WithTitle("Interlock API").WithOpenApiRoutePattern("/openapi/{documentName}.json")).AllowAnonymous();
        app.MapHealthChecks("/healthz").AllowAnonymous();

        app.MapRegistryApi();
        app.MapMembershipApi();
        app.MapPeopleApi();
        app.MapCooperationAgreementApi();
        app.MapCoverageApi();
        app.MapCapabilityApi();
        app.MapExchangeApi();
        app.MapDivisionExchangeApi();
        app.MapKnowledgeApi();
        app.MapMeetings();
        app.MapIdentityApi();
        app.MapAuditApi();
        app.MapEarlyWarningApi();
        app.MapEarlyWarningExchangeApi();
        app.MapAlertApi();
        app.MapRiskApi();
        app.MapNeedApi();
        app.MapEngagementApi();
        app.MapTransitionApi();
        app.MapCooperationRecordApi();
        app.MapCandidateRankingApi();
        app.MapDivisionReviewApi();
        app.MapAccountEndpoints();

        app.MapRazorComponents<App>();
    }
}
