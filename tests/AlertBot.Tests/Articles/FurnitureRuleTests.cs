using AlertBot.Core.Articles;

namespace AlertBot.Tests.Articles;

/// <summary>Each kind of furniture in isolation, placed between two real paragraphs, and real text that only looks like it.</summary>
public sealed class FurnitureRuleTests
{
    private const string Before = "Officials said on Tuesday that the first convoy had crossed the border before dawn, according to local reports.";
    private const string After = "The ministry added that a second convoy was expected within days, although no date had been announced.";

    [Theory]
    [InlineData("0 Comments")]
    [InlineData("12 comments")]
    [InlineData("Comments (3)")]
    [InlineData("Post Comment")]
    [InlineData("Leave a Reply")]
    [InlineData("Loading Now")]
    [InlineData("Loading...")]
    [InlineData("Advertisement")]
    [InlineData("Original Source: asianews.network")]
    [InlineData("Source link")]
    [InlineData("Source: Reuters")]
    [InlineData("Related posts")]
    [InlineData("Read more:")]
    [InlineData("Share this article")]
    [InlineData("Facebook Twitter WhatsApp Email")]
    [InlineData("ANDREY RUDENKO, ASIA, DEFENSE, EUROPE, JCS, MOSCOW, NORTH KOREA, PUTIN")]
    [InlineData("Tags: Russia, Ukraine, North Korea, Troops")]
    [InlineData("Published 3 hours ago")]
    [InlineData("Updated: Jan 5, 2025 10:00 ET")]
    [InlineData("5 min read")]
    [InlineData("Reporting by Jane Doe; Editing by John Smith")]
    [InlineData("(Photo by Jane Doe/Getty Images)")]
    [InlineData("ANNA MONEYMAKER / GETTY IMAGES VIA AFP")]
    [InlineData("© 2025 Example News. All rights reserved.")]
    [InlineData("You have 65.75% of this article left to read. The rest is reserved for subscribers.")]
    public void Furniture_line_between_paragraphs_is_removed(string furniture)
    {
        var cleaned = ArticleCleaner.Clean("Convoy crosses the border", $"{Before}\n{furniture}\n{After}");

        Assert.Equal([Before, After], cleaned.Split('\n'));
    }

    [Theory]
    [InlineData("World news")]
    [InlineData("Fatima Khan")]
    [InlineData("By Fatima Khan")]
    [InlineData("Convoy crosses the border")]
    [InlineData("CONVOY CROSSES THE BORDER")]
    [InlineData("March 3, 2025")]
    public void Page_head_line_before_the_first_paragraph_is_removed(string head)
    {
        var cleaned = ArticleCleaner.Clean("Convoy crosses the border", $"{head}\n{Before}\n{After}");

        Assert.Equal([Before, After], cleaned.Split('\n'));
    }

    [Theory]
    [InlineData("Stella Nguyen is a highly regarded journalist specializing in environmental issues and policy analysis. Her work pushes for change.")]
    [InlineData("John Smith is a senior correspondent covering Asia for the paper. Follow him on social media for updates.")]
    [InlineData("Jane Doe")]
    [InlineData("Russia suspected of mistakenly shooting down a plane heading towards Grozny")]
    public void Page_foot_after_the_last_paragraph_is_removed(string foot)
    {
        var cleaned = ArticleCleaner.Clean("Convoy crosses the border", $"{Before}\n{After}\n{foot}\nPost Comment");

        Assert.Equal([Before, After], cleaned.Split('\n'));
    }

    [Fact]
    public void Headlines_under_a_related_posts_heading_are_removed_even_when_prose_follows()
    {
        var text = $"{Before}\nRelated posts\n“Squid Game”, a season 2 much more accusatory than ironic\nIn South Korea, the interim president in turn dismissed by deputies\n{After}";

        Assert.Equal([Before, After], ArticleCleaner.Clean("", text).Split('\n'));
    }

    [Fact]
    public void Paywall_counter_glued_to_a_paragraph_is_cut_out_and_the_paragraph_kept()
    {
        var cleaned = ArticleCleaner.Clean("", $"{Before} You have 12% of this article left to read. The rest is reserved for subscribers.");

        Assert.Equal(Before, cleaned);
    }

    [Theory]
    [InlineData("Readers left more than 4,000 comments under the ministry's post, most of them angry about the decision to send troops.")]
    [InlineData("The source of the leak, a senior official, said the original plan had been to deploy 3,000 soldiers by March.")]
    [InlineData("Sources say the army moved two brigades north overnight, a claim the government has not denied so far.")]
    [InlineData("Related talks in Geneva collapsed last week, and both sides blamed each other for the failure to agree.")]
    [InlineData("Kim Jong Un is a leader who has overseen dozens of missile launches, analysts said, citing state media reports.")]
    [InlineData("The reporter who broke the story, Jane Doe, is a veteran journalist; she said the figures came from two ministries.")]
    [InlineData("Updated estimates put the number of casualties at 4,000, officials said on Friday after a briefing in Seoul.")]
    public void Real_paragraph_that_mentions_comments_sources_or_people_stays(string paragraph)
    {
        var cleaned = ArticleCleaner.Clean("Convoy crosses the border", $"{Before}\n{paragraph}\n{After}");

        Assert.Equal([Before, paragraph, After], cleaned.Split('\n'));
    }

    [Fact]
    public void Mid_article_heading_and_list_items_stay()
    {
        var text = $"{Before}\nWhat happens next\n- Talks resume in Geneva next week.\n- Sanctions remain in place until then.\n{After}";

        Assert.Equal(text.Split('\n'), ArticleCleaner.Clean("Convoy crosses the border", text).Split('\n'));
    }

    [Fact]
    public void Pipe_table_without_leading_pipe_is_kept_and_gains_one()
    {
        var text = $"{Before}\nCountry | Troops |\n---|---|\nNorth Korea | 1,500 |\n{After}";

        Assert.Equal([Before, "| Country | Troops |", "| ---|---|", "| North Korea | 1,500 |", After], ArticleCleaner.Clean("", text).Split('\n'));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n \n")]
    public void Empty_text_gives_empty_result(string text) => Assert.Equal("", ArticleCleaner.Clean("Title", text));

    [Fact]
    public void One_line_teaser_without_a_full_sentence_is_kept_rather_than_lost()
    {
        Assert.Equal("Troops crossed the border", ArticleCleaner.Clean("Convoy", "Troops crossed the border\nRead more"));
    }
}
