using System.Text.RegularExpressions;
using AlertBot.Core.Topics;
using Microsoft.Extensions.Options;

namespace AlertBot.Hosting;

/// <summary>Recognises start-up failures caused by configuration and lists each problem by key, value and what is expected.</summary>
public static partial class ConfigurationErrors
{
    // Microsoft.Extensions.Configuration.Binder's message for a value of the wrong type.
    [GeneratedRegex(@"^Failed to convert configuration value '(?<value>.*)' at '(?<key>[^']+)' to type '(?<type>[^']+)'\.", RegexOptions.Singleline)]
    private static partial Regex BindingFailure();

    /// <returns>The problems, or null when the exception is not a configuration error.</returns>
    public static IReadOnlyList<string>? Collect(Exception exception) => exception switch
    {
        OptionsValidationException e => e.Failures.ToList(),
        TopicsFileException e => [e.Message],
        InvalidOperationException e when WrongType(e) is { } problem => [problem],
        AggregateException e when e.InnerExceptions.All(i => Collect(i) is not null) => e.InnerExceptions.SelectMany(i => Collect(i)!).ToList(),
        _ => null,
    };

    private static string? WrongType(InvalidOperationException exception)
    {
        var match = BindingFailure().Match(exception.Message);
        if (!match.Success) return null;
        var key = match.Groups["key"].Value;
        var value = IsSecret(key) ? "(not shown)" : $"'{match.Groups["value"].Value}'";
        var variable = "ALERTBOT__" + key.Replace(":", "__", StringComparison.Ordinal).ToUpperInvariant();
        return $"{key} ({variable}) is {value}, expected {Expected(match.Groups["type"].Value)}.";
    }

    private static bool IsSecret(string key) =>
        key.Contains("token", StringComparison.OrdinalIgnoreCase) || key.Contains("secret", StringComparison.OrdinalIgnoreCase)
        || key.Contains("password", StringComparison.OrdinalIgnoreCase);

    private static string Expected(string type) => type.Replace("System.Nullable`1[[", "", StringComparison.Ordinal) switch
    {
        var t when t.StartsWith("System.Int", StringComparison.Ordinal) || t.StartsWith("System.UInt", StringComparison.Ordinal) => "a whole number",
        var t when t.StartsWith("System.Double", StringComparison.Ordinal) || t.StartsWith("System.Decimal", StringComparison.Ordinal) => "a number",
        var t when t.StartsWith("System.Boolean", StringComparison.Ordinal) => "true or false",
        var t when t.StartsWith("System.TimeSpan", StringComparison.Ordinal) => "a duration such as 00:05:00",
        var t when t.StartsWith("System.Uri", StringComparison.Ordinal) => "an absolute URL",
        var t => "a value of type " + t,
    };
}
