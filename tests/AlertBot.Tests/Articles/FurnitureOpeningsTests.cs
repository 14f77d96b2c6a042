using AlertBot.Core.Articles;

namespace AlertBot.Tests.Articles;

/// <summary>
/// A line's opening decides which whole-line furniture shapes are searched at all: every way each shape can begin is
/// still recognised, in either case and with the sentence guard too, and a prose sentence is not furniture.
/// </summary>
public sealed class FurnitureOpeningsTests
{
    private const string AgencyCredit = "ANNA MONEYMAKER / GETTY IMAGES VIA AFP";

    // One line per alternative of each whole-line pattern, so a missing opening character fails here.
    public static TheoryData<string> EveryOpening() =>
    [
        // Interface labels.
        "Loading now...", "Advertisement", "Advert", "Sponsored content", "Skip to main content", "Skip ad", "Close", "Menu", "Search", "Home",
        "Back to top", "Scroll to continue", "Story continues below advertisement", "Continue reading the main story", "Read more",
        "Read full story", "Show more", "See more", "Load more", "More stories", "Click here to subscribe", "Sign up", "Sign in", "Log in",
        "Subscribe today", "Already a subscriber? Log in", "Listen to this article 5 min", "Print", "Email", "Copy link", "Link copied",
        "Font size", "Play video", "Watch now", "View gallery", "Image 3 of 12", "3 of 12", "Photo", "Image", "Video", "Audio",
        // Comment counters.
        "1.2k comments", "Comments: 4", "No comments yet", "Post a comment", "Leave a comment", "Add a comment", "View all comments",
        "Show comments", "Join the discussion", "Be the first to comment!", "Comments are closed.", "1,234 shares", "Cancel reply", "Reply",
        // Source lines.
        "Originally published source: Example", "Original article", "Source link", "Sources", "Via: Example News", "Read the original article at Example",
        "This article was originally published on Example", "Republished with permission", "Credit: Example", "Photo credit: Jane Doe",
        "Image credit: Jane Doe", "Pictures: Jane Doe",
        // Date lines.
        "Published 3 hours ago", "Updated: Jan 5, 2025 10:00 ET", "Posted on Monday", "Last updated yesterday", "First published in May",
        "5 min read", "2 hours ago", "March 3, 2025", "3 March 2025 | 10:00",
        // Credit lines.
        "Reporting by Jane Doe; Editing by John Smith", "(Writing by Jane Doe)", "Additional reporting by Jane Doe", "Compiled by the desk",
        "(Photo by Jane Doe/Getty Images)", "Image courtesy of the ministry", "Video credit: Example", "© 2025 Example News. All rights reserved.",
        "(c) 2025 Example", "Copyright 2025 Example", "All rights reserved.",
        // Agency credits in capitals.
        AgencyCredit,
        // Share bars.
        "Share this article on Facebook Twitter", "Facebook Twitter WhatsApp Email", "Twitter", "X", "LinkedIn", "WhatsApp", "Telegram",
        "Reddit", "Pinterest", "E-mail", "Messenger", "Flipboard", "Copy link | Print", "Share:", "Tweet",
        // Reading aids.
        "Key points", "Main takeaways", "In brief", "Newsletter", "Most read", "Trending now", "Editor's picks", "Top stories",
        "Follow us on Telegram", "Get the app",
    ];

    [Theory]
    [MemberData(nameof(EveryOpening))]
    public void Every_opening_of_a_whole_line_shape_is_still_furniture(string line)
    {
        Assert.True(FurniturePatterns.IsFurnitureLine(line), line);
        Assert.True(FurniturePatterns.IsFurnitureLine("  " + line + " "), line);
        Assert.True(FurniturePatterns.IsFurnitureSentence(line), line);
    }

    [Theory]
    [MemberData(nameof(EveryOpening))]
    public void An_opening_in_upper_or_lower_case_is_furniture_alike(string line)
    {
        Assert.True(FurniturePatterns.IsFurnitureLine(line.ToUpperInvariant()), line);
        // The agency credit is the one shape written in capitals only.
        Assert.Equal(line != AgencyCredit, FurniturePatterns.IsFurnitureLine(line.ToLowerInvariant()));
    }

    [Fact]
    public void A_line_opening_with_the_kelvin_sign_is_searched_like_a_k()
    {
        // The patterns ignore case, and "k" then also matches the Kelvin sign (U+212A).
        Assert.True(FurniturePatterns.IsFurnitureLine("\u212Aey points"));
    }

    [Theory]
    [InlineData("Stella Nguyen is a journalist covering climate policy.")]
    [InlineData("Mary Ann O’Neill-Smith Jones writes about energy for the paper as a columnist.")]
    [InlineData("John\u00A0\tSmith joined the newsroom in 2019 as a reporter.")]
    [InlineData("about the author: Jane Doe has been a correspondent since 2010.")]
    [InlineData("Élodie Ångström reports on Europe as a correspondent.")]
    public void An_author_bio_opening_with_a_name_is_still_found(string line)
    {
        Assert.True(FurniturePatterns.IsAuthorBio(line), line);
        Assert.True(FurniturePatterns.IsFurnitureSentence(line), line);
    }

    [Theory]
    [InlineData("Stella said she is a journalist covering climate policy.")]
    [InlineData("Officials say Stella Nguyen is a journalist covering climate policy.")]
    public void A_sentence_whose_second_word_is_not_a_name_is_no_bio(string line)
    {
        Assert.False(FurniturePatterns.IsAuthorBio(line), line);
    }

    [Theory]
    [InlineData("The ministry added that a second convoy was expected within days, although no date had been announced.")]
    [InlineData("Sources said 3,000 troops had crossed the border by March 3, 2025.")]
    [InlineData("Photo opportunities were rare, officials said.")]
    public void A_prose_sentence_is_not_furniture(string sentence)
    {
        Assert.False(FurniturePatterns.IsFurnitureLine(sentence));
        Assert.False(FurniturePatterns.IsFurnitureSentence(sentence));
    }

    [Fact]
    public void A_line_made_only_of_paywall_sentences_is_furniture_and_a_sentence_with_one_is_too()
    {
        const string paywall = "You have 3 free articles left this month. Sign up for our free daily newsletter.";

        Assert.True(FurniturePatterns.IsFurnitureLine(paywall));
        Assert.True(FurniturePatterns.IsFurnitureSentence("Sign up for our free daily newsletter."));
        Assert.False(FurniturePatterns.IsFurnitureLine("Officials said the convoy crossed. Sign up for our free daily newsletter."));
    }

}
