using Strata.Web;

var app = StrataWeb.Build(args);
if (app is null)
{
    return 2;
}

app.Run();
return 0;

/// <summary>The entry point, visible to WebApplicationFactory.</summary>
public partial class Program;
