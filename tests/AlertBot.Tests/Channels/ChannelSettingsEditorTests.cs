using AlertBot.Core.Channels;
using NodaTime;

namespace AlertBot.Tests.Channels;

public sealed class ChannelSettingsEditorTests
{
    private static ChannelSettings Set(string key, string value)
    {
        var (settings, error) = ChannelSettingsEditor.Apply(ChannelSettings.Default, key, value);
        Assert.Null(error);
        return settings!;
    }

    [Fact]
    public void Each_key_accepts_the_values_its_help_promises()
    {
        Assert.Equal(DeliveryMode.Digest, Set("mode", "digest").Mode);
        Assert.Equal([new LocalTime(7, 30), new LocalTime(18, 0)], Set("digest-at", "18:00, 7:30").DigestTimes);
        Assert.Equal("Europe/Berlin", Set("timezone", "europe/berlin").TimeZone);
        Assert.Equal(new QuietHours(new LocalTime(22, 0), new LocalTime(7, 0)), Set("quiet", "22:00-07:00").Quiet);
        Assert.Null(ChannelSettingsEditor.Apply(Set("quiet", "22:00-07:00"), "quiet", "off").Settings!.Quiet);
        Assert.Equal(3, Set("max-per-hour", "3").MaxPerHour);
        Assert.Equal(0, Set("MAX-PER-HOUR", "off").MaxPerHour);
        Assert.Equal(80, Set("summary-length", "80").SummaryLength);
        Assert.False(Set("figures", "off").Figures);
        Assert.False(Set("previews", "off").Previews);
        Assert.False(Set("updates", "off").Updates);
        Assert.True(Set("updates", "on").Updates);
    }

    [Theory]
    [InlineData("mode", "weekly", "instant or digest")]
    [InlineData("digest-at", "25:00", "times of day")]
    [InlineData("digest-at", "", "times of day")]
    [InlineData("timezone", "Mars/Olympus", "IANA time zone")]
    [InlineData("timezone", "CEST", "IANA time zone")]
    [InlineData("quiet", "22:00", "22:00-07:00")]
    [InlineData("quiet", "07:00-07:00", "22:00-07:00")]
    [InlineData("max-per-hour", "0", "1 to 100, or off")]
    [InlineData("max-per-hour", "-3", "1 to 100, or off")]
    [InlineData("summary-length", "79", "80 to 1000")]
    [InlineData("summary-length", "1001", "80 to 1000")]
    [InlineData("figures", "maybe", "on or off")]
    public void A_wrong_value_gets_an_error_that_says_what_is_allowed(string key, string value, string allowed)
    {
        var (settings, error) = ChannelSettingsEditor.Apply(ChannelSettings.Default, key, value);

        Assert.Null(settings);
        Assert.Contains(allowed, error, StringComparison.Ordinal);
        Assert.Contains("Example: /channel set " + key, error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_key_gets_the_list_of_settings()
    {
        var (_, error) = ChannelSettingsEditor.Apply(ChannelSettings.Default, "volume", "11");

        Assert.Equal("There is no setting 'volume'. Settings: mode, digest-at, timezone, quiet, max-per-hour, summary-length, figures, previews, updates.", error);
    }

    [Fact]
    public void Time_zones_autocomplete_from_the_bundled_database()
    {
        var suggestions = ChannelTime.SuggestZones("europe/ber");

        Assert.Equal("Europe/Berlin", suggestions[0]);
        Assert.Contains("America/New_York", ChannelTime.SuggestZones("new york"));
        Assert.Equal(25, ChannelTime.SuggestZones("").Count);
    }
}
