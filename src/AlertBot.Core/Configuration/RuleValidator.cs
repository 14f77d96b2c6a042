using Microsoft.Extensions.Options;

namespace AlertBot.Core.Configuration;

/// <summary>
/// Validates an options class against a list of rules and reports every failure at once, each
/// naming its configuration key and the bad value, so one start-up tells the operator all that is wrong.
/// </summary>
public sealed class RuleValidator<T>(params (string Key, Func<T, bool> IsValid, Func<T, string> Problem)[] rules) : IValidateOptions<T>
    where T : class
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = rules.Where(r => !r.IsValid(options)).Select(r => $"{r.Key}: {r.Problem(options)}").ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
