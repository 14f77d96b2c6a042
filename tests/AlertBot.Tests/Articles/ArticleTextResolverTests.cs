using System.Text;
using AlertBot.Core.Articles;
using AlertBot.Core.Feeds;
using AlertBot.Core.Feeds.Fetching;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AlertBot.Tests.Articles;

public sealed class ArticleTextResolverTests
{
    private const string Teaser = "Seoul says more troops were sent.";

    /// <summary>Hand-written fake: answers one canned result and records what was asked.</summary>
    private sealed class FakeFetcher(FetchResult result) : IFeedFetcher
    {
        public List<Uri> Requested { get; } = [];

        public Task<FetchResult> FetchAsync(FetchRequest request, CancellationToken cancellationToken)
        {
            Requested.Add(request.Url);
            return Task.FromResult(result);
        }
    }

    private static ArticleTextResolver Resolver(IFeedFetcher fetcher, bool fetchPages = true) =>
        new(fetcher, Options.Create(new ArticleTextOptions { FetchLinkedPages = fetchPages }));

    private static FetchResult.Fetched Page(string html, string url = "https://news.example/a") =>
        new(Encoding.UTF8.GetBytes(html), "text/html; charset=utf-8", null, null, new Uri(url));

    [Fact]
    public async Task Teaser_only_item_gets_the_main_text_of_its_linked_page()
    {
        var fetcher = new FakeFetcher(Page(File.ReadAllText(ArticleTestFiles.FixturePath("news-page.html"))));
        var item = new FeedItem { Title = "Troops", Link = "https://news.example/a", Summary = Teaser };

        var resolved = await Resolver(fetcher).ResolveAsync(item, CancellationToken.None);

        Assert.StartsWith("North Korea has sent an additional 3,000 troops", resolved, StringComparison.Ordinal);
        Assert.Equal([new Uri("https://news.example/a")], fetcher.Requested);
    }

    [Fact]
    public async Task Item_with_html_content_is_cleaned_from_the_feed_without_fetching()
    {
        var fetcher = new FakeFetcher(new FetchResult.Failed("must not be called"));
        var item = new FeedItem
        {
            Title = "Troops", Link = "https://news.example/a", Summary = Teaser,
            Content = "<p>North Korea sent 3,000 more troops to Russia this year, Seoul's military said on Thursday.</p><p>Post Comment</p>",
        };

        var resolved = await Resolver(fetcher).ResolveAsync(item, CancellationToken.None);

        Assert.Equal("North Korea sent 3,000 more troops to Russia this year, Seoul's military said on Thursday.", resolved);
        Assert.Empty(fetcher.Requested);
    }

    [Fact]
    public async Task Plain_text_content_goes_through_the_cleaner()
    {
        var item = new FeedItem { Title = "Troops", Content = "Loading Now\nTroops\nNorth Korea sent 3,000 more troops to Russia this year, officials said.\n0 Comments" };

        var resolved = await Resolver(new FakeFetcher(new FetchResult.NotModified())).ResolveAsync(item, CancellationToken.None);

        Assert.Equal("North Korea sent 3,000 more troops to Russia this year, officials said.", resolved);
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("ftp://news.example/a")]
    [InlineData("not a url")]
    [InlineData(null)]
    public async Task Only_http_links_are_followed(string? link)
    {
        var fetcher = new FakeFetcher(Page("<p>secret</p>"));

        var resolved = await Resolver(fetcher).ResolveAsync(new FeedItem { Title = "T", Link = link, Summary = Teaser }, CancellationToken.None);

        Assert.Equal(Teaser, resolved);
        Assert.Empty(fetcher.Requested);
    }

    [Fact]
    public async Task Failed_fetch_falls_back_to_the_teaser()
    {
        var resolved = await Resolver(new FakeFetcher(new FetchResult.Failed("the server answered 500", 500)))
            .ResolveAsync(new FeedItem { Title = "T", Link = "https://news.example/a", Summary = Teaser }, CancellationToken.None);

        Assert.Equal(Teaser, resolved);
    }

    [Fact]
    public async Task Page_with_less_text_than_the_teaser_is_not_taken()
    {
        var resolved = await Resolver(new FakeFetcher(Page("<html><body><p>Accept cookies</p></body></html>")))
            .ResolveAsync(new FeedItem { Title = "T", Link = "https://news.example/a", Summary = Teaser }, CancellationToken.None);

        Assert.Equal(Teaser, resolved);
    }

    [Fact]
    public async Task Fetching_linked_pages_can_be_turned_off()
    {
        var fetcher = new FakeFetcher(Page("<p>x</p>"));

        var resolved = await Resolver(fetcher, fetchPages: false)
            .ResolveAsync(new FeedItem { Title = "T", Link = "https://news.example/a", Summary = Teaser }, CancellationToken.None);

        Assert.Equal(Teaser, resolved);
        Assert.Empty(fetcher.Requested);
    }

    [Fact]
    public void Long_summary_without_content_counts_as_the_article()
    {
        var resolver = Resolver(new FakeFetcher(new FetchResult.NotModified()));

        Assert.True(resolver.IsTeaserOnly(new FeedItem { Summary = Teaser }));
        Assert.False(resolver.IsTeaserOnly(new FeedItem { Summary = string.Concat(Enumerable.Repeat("A long summary sentence. ", 40)) }));
        Assert.False(resolver.IsTeaserOnly(new FeedItem { Summary = Teaser, Content = "<p>Full text.</p>" }));
    }

    [Fact]
    public async Task Linked_page_is_fetched_over_real_http_from_a_loopback_server()
    {
        var html = File.ReadAllText(ArticleTestFiles.FixturePath("div-soup-page.html"));
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        await using var app = builder.Build();
        app.MapGet("/story", () => Results.Content(html, "text/html; charset=utf-8"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var fetcher = FeedFetcher.Create(new FetchOptions { AllowedNetworks = ["127.0.0.0/8"] });

        var resolved = await Resolver(fetcher)
            .ResolveAsync(new FeedItem { Title = "Kim confirms troops", Link = address + "/story", Summary = Teaser }, CancellationToken.None);

        Assert.Equal(File.ReadAllLines(ArticleTestFiles.FixturePath("div-soup-page.expected.txt")).Where(l => l.Length > 0), resolved.Split('\n'));
    }
}
