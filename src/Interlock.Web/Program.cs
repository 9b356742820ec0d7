using Interlock.Data;
using Interlock.Web;

var builder = WebApplication.CreateBuilder(args);
builder.AddInterlock();

var app = builder.Build();
await app.InitializeDatabaseAsync();
app.UseInterlock();
app.Run();

/// <summary>Visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
