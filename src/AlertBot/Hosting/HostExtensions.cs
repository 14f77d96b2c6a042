using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace AlertBot.Hosting;

public static class HostExtensions
{
    /// <summary>
    /// Runs the options validation that <c>ValidateOnStart</c> would run, for verbs that use the
    /// container without starting the hosted services.
    /// </summary>
    public static Task StartValidationAsync(this IHost host)
    {
        var validator = host.Services.GetService<IStartupValidator>();
        validator?.Validate();
        return Task.CompletedTask;
    }
}
