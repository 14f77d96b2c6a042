using AlertBot.Core.Pipeline;
using Microsoft.Extensions.DependencyInjection;

namespace AlertBot.IntegrationTests.Support;

/// <summary>Source checks a test runs itself while the host's scheduler runs too.</summary>
internal static class FeedChecks
{
    /// <summary>Checks the feed now; a check the scheduler is running (claimed) is waited out, so this one sees the feed as it is.</summary>
    public static async Task CheckNowAsync(IServiceProvider services, long sourceId)
    {
        for (var i = 0; i < 100; i++)
        {
            var result = await services.GetRequiredService<SourceChecker>().CheckAsync(sourceId, honourDrip: false, CancellationToken.None);
            if (!result.Busy)
            {
                Assert.Null(result.Error);
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail("the feed stayed claimed");
    }
}
