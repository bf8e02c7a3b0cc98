using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Streaming.Jobs.Tests;

public sealed class JobsOptionsTests
{
    [Theory]
    [InlineData("Jobs:Store", "mysql", "sqlite or postgres")]
    [InlineData("Jobs:Store", "postgres", "ConnectionString is required")]
    [InlineData("Jobs:Concurrency", "0", "Concurrency")]
    [InlineData("Jobs:StorageRoot", "/no/such/folder", "does not exist")]
    [InlineData("Jobs:MaxFileBytes", "999999999999", "must not exceed")]
    [InlineData("Vad:Threshold", "1.5", "Threshold")]
    public void AddJobs_refuses_an_invalid_setting_at_start_up_naming_it(string key, string value, string message)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new(key, value)]).Build();

        var error = Assert.Throws<ArgumentException>(() => new ServiceCollection().AddJobs(configuration));

        Assert.Contains(message, error.Message);
    }
}
