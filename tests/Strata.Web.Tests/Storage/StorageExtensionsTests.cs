using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Strata.Web.Tests.Storage;

public sealed class StorageExtensionsTests
{
    [Fact]
    public void AddStrataStorage_UnknownProvider_ThrowsNamingTheChoices()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Add(new() { ["Strata:Storage:Provider"] = "mysql" }));

        Assert.Equal("Strata:Storage:Provider is 'mysql'; it must be 'sqlite' or 'postgres'.", e.Message);
    }

    [Fact]
    public void AddStrataStorage_PostgresWithoutConnectionString_Throws()
    {
        var e = Assert.Throws<InvalidOperationException>(() => Add(new() { ["Strata:Storage:Provider"] = "postgres" }));

        Assert.Equal("Strata:Storage:Provider is 'postgres' but ConnectionStrings:Strata is not set.", e.Message);
    }

    [Theory]
    [InlineData(null, typeof(Strata.Web.Storage.SqliteCaseDbContext))] // the default
    [InlineData("SQLite", typeof(Strata.Web.Storage.SqliteCaseDbContext))] // case does not matter
    [InlineData("postgres", typeof(Strata.Web.Storage.PostgresCaseDbContext))] // with a connection string
    public void AddStrataStorage_Provider_RegistersItsContext(string? provider, Type context)
    {
        var services = Add(new() { ["Strata:Storage:Provider"] = provider, ["ConnectionStrings:Strata"] = provider == "postgres" ? "Host=localhost" : null });

        Assert.Contains(services, s => s.ServiceType == context);
    }

    private static ServiceCollection Add(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddStrataStorage(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services;
    }
}
