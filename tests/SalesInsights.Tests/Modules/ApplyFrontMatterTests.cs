using SalesInsights.Pipeline;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Modules;

/// <summary>Front matter as Hugo and Jekyll writers already write it, built through a whole site.</summary>
public sealed class ApplyFrontMatterTests
{
    [Fact]
    public async Task A_jekyll_post_named_with_its_date_is_dated_by_the_name_and_published_without_it()
    {
        using var site = new TestSite();
        site.Write("input/posts/2026-03-10-quota-math.markdown", "---\ntitle: Quota math\n---\n\nText.\n");

        var result = await site.BuildAsync();

        Assert.Empty(result.Diagnostics);
        Assert.Contains("<time class=\"dt-published\" datetime=\"2026-03-10\">10 March 2026</time>", site.Read("posts/quota-math/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Toml_and_json_front_matter_build_like_yaml()
    {
        using var site = new TestSite();
        site.Write("input/posts/toml.md", "+++\ntitle = \"From Hugo\"\ndate = 2026-03-10\ntags = [\"hugo\"]\n+++\n\nText.\n");
        site.Write("input/posts/json.md", "{\n  \"title\": \"In JSON\",\n  \"date\": \"2026-03-11\"\n}\n\nText.\n");

        var result = await site.BuildAsync();

        Assert.Empty(result.Diagnostics);
        Assert.Contains("<h1 class=\"post-title p-name\">From Hugo</h1>", site.Read("posts/toml/index.html"), StringComparison.Ordinal);
        Assert.True(site.Exists("tags/hugo/index.html"));
        Assert.Contains("<h1 class=\"post-title p-name\">In JSON</h1>", site.Read("posts/json/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_date_with_a_time_and_offset_shows_the_day_written_unless_the_site_names_a_zone()
    {
        using var asWritten = new TestSite();
        using var inStockholm = new TestSite(TestSite.DefaultSettings + "timezone: Europe/Stockholm\n");
        foreach (var site in new[] { asWritten, inStockholm })
        {
            site.Post("late", date: "2026-03-10 22:00:00 -0500");
            Assert.Empty((await site.BuildAsync()).Diagnostics);
        }

        Assert.Contains(">10 March 2026</time>", asWritten.Read("posts/late/index.html"), StringComparison.Ordinal);
        Assert.Contains(">11 March 2026</time>", inStockholm.Read("posts/late/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_time_zone_is_an_error_at_its_line_of_site_yml()
    {
        using var site = new TestSite(TestSite.DefaultSettings + "timezone: Mars/Olympus\n");
        site.Post("a");

        var error = Assert.Single((await site.BuildAsync()).Diagnostics);

        Assert.Equal(("input/site.yml", 5, "SI0012"), (error.Path, error.Line, error.Code));
        Assert.Contains("unknown timezone 'Mars/Olympus'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_without_front_matter_takes_its_title_from_its_first_heading()
    {
        using var site = new TestSite();
        site.Write("input/pages/notes.md", "# Field notes\n\nWhat I learned.\n");

        var result = await site.BuildAsync();

        Assert.Empty(result.Diagnostics);
        var html = site.Read("notes/index.html");
        Assert.Contains("<title>Field notes", html, StringComparison.Ordinal);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(html, "Field notes</h1>"));
    }

    [Fact]
    public async Task A_file_without_front_matter_or_heading_is_titled_from_its_name_with_a_warning()
    {
        using var site = new TestSite();
        site.Write("input/pages/meeting-notes.md", "What I learned.\n");

        var result = await site.BuildAsync();

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(("input/pages/meeting-notes.md", 1, "SI0109", Severity.Warning), (warning.Path, warning.Line, warning.Code, warning.Severity));
        Assert.Contains("'Meeting notes'", warning.Message, StringComparison.Ordinal);
        Assert.Contains("<title>Meeting notes", site.Read("meeting-notes/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_article_without_any_date_says_both_ways_to_give_one()
    {
        using var site = new TestSite();
        site.Write("input/posts/undated.md", "# Undated\n\nText.\n");

        var error = Assert.Single((await site.BuildAsync()).Diagnostics);

        Assert.Equal(("SI0103", 1), (error.Code, error.Line));
        Assert.Contains("2026-05-01-slug.md", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Several_authors_are_each_a_byline_with_their_own_page_and_feed_entry()
    {
        using var site = new TestSite();
        site.Post("together", "Written Together", extra: "author: [Ann Lee, Bob Roy]\n");

        var result = await site.BuildAsync();

        Assert.Empty(result.Diagnostics);
        var html = site.Read("posts/together/index.html");
        Assert.DoesNotContain("System.Collections", html, StringComparison.Ordinal);
        Assert.Contains("By <a class=\"p-author h-card\" rel=\"author\" href=\"/authors/ann-lee/\">Ann Lee</a> and <a class=\"p-author h-card\" rel=\"author\" href=\"/authors/bob-roy/\">Bob Roy</a>", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"author\" content=\"Ann Lee and Bob Roy\">", html, StringComparison.Ordinal);
        Assert.Contains("Written Together", site.Read("authors/ann-lee/index.html"), StringComparison.Ordinal);
        Assert.Contains("Written Together", site.Read("authors/bob-roy/index.html"), StringComparison.Ordinal);
        var atom = site.Read("atom.xml");
        Assert.Contains("<name>Ann Lee</name>", atom, StringComparison.Ordinal);
        Assert.Contains("<name>Bob Roy</name>", atom, StringComparison.Ordinal);
        Assert.DoesNotContain("System.Collections", site.Read("feed.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_author_that_is_not_a_name_is_an_error_at_its_line()
    {
        using var site = new TestSite();
        site.Post("odd", extra: "author: [[nested]]\n");

        var error = Assert.Single((await site.BuildAsync()).Diagnostics);

        Assert.Equal(("SI0106", 5), (error.Code, error.Line));
    }

    [Fact]
    public async Task Hugo_lastmod_and_jekyll_last_modified_at_are_the_updated_date()
    {
        using var site = new TestSite();
        site.Post("hugo", date: "2025-01-01", extra: "lastmod: 2025-02-03\n");
        site.Post("jekyll", date: "2025-01-01", extra: "last_modified_at: 2025-02-04 10:00:00 +0000\n");

        Assert.Empty((await site.BuildAsync()).Diagnostics);

        Assert.Contains("Updated <time class=\"dt-updated\" datetime=\"2025-02-03\">3 February 2025</time>", site.Read("posts/hugo/index.html"), StringComparison.Ordinal);
        Assert.Contains("Updated <time class=\"dt-updated\" datetime=\"2025-02-04\">4 February 2025</time>", site.Read("posts/jekyll/index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_description_is_the_meta_description_while_listings_keep_the_summary()
    {
        using var site = new TestSite();
        site.Post("described", "Described", body: "The first paragraph is the summary.", extra: "description: \"For search engines.\"\n");

        Assert.Empty((await site.BuildAsync()).Diagnostics);

        Assert.Contains("<meta name=\"description\" content=\"For search engines.\">", site.Read("posts/described/index.html"), StringComparison.Ordinal);
        Assert.Contains("The first paragraph is the summary.", site.Read("index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hugo_aliases_redirect_like_redirect_from_and_a_relative_one_is_in_the_articles_section()
    {
        using var site = new TestSite();
        site.Post("new-name", extra: "aliases: [/2019/05/old.html, old-name]\n");

        Assert.Empty((await site.BuildAsync()).Diagnostics);

        var redirects = site.Read("_redirects");
        Assert.Contains("/2019/05/old.html /posts/new-name/ 301", redirects, StringComparison.Ordinal);
        Assert.Contains("/posts/old-name /posts/new-name/ 301", redirects, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_alias_is_an_error_at_its_line_and_column()
    {
        using var site = new TestSite();
        site.Post("a", extra: "aliases:\n  - /fine/\n  - /has space/\n");

        var error = Assert.Single((await site.BuildAsync()).Diagnostics);

        Assert.Equal(("SI0601", 7, 5), (error.Code, error.Line, error.Column));
        Assert.StartsWith("aliases '/has space/'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_weight_that_is_not_a_whole_number_is_an_error_at_its_line()
    {
        using var site = new TestSite();
        site.Post("a", extra: "weight: first\n");

        var error = Assert.Single((await site.BuildAsync()).Diagnostics);

        Assert.Equal(("SI0106", 5), (error.Code, error.Line));
    }

    [Fact]
    public async Task A_misspelt_key_is_a_warning_at_its_line_with_the_key_it_probably_meant()
    {
        using var site = new TestSite();
        site.Write("input/posts/typo.md", "---\ntitle: Fine\ndate: 2025-01-01\nsummery: A short one.\n---\n\nText.\n");

        var warning = Assert.Single((await site.BuildAsync()).Diagnostics);

        Assert.Equal(("SI0110", Severity.Warning, 4), (warning.Code, warning.Severity, warning.Line));
        Assert.Contains("'summery' is not read by the theme or the build, so it has no effect; did you mean 'summary'?", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_title_is_named_beside_the_missing_title()
    {
        using var site = new TestSite();
        site.Write("input/posts/typo.md", "---\ntittle: Fine\ndate: 2025-01-01\n---\n\nText.\n");

        var diagnostics = (await site.BuildAsync()).Diagnostics;

        Assert.Contains(diagnostics, d => d is { Code: "SI0102", Severity: Severity.Error });
        Assert.Contains(diagnostics, d => d.Code == "SI0110" && d.Line == 2 && d.Message.Contains("did you mean 'title'?", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Keys_a_template_reads_are_not_reported()
    {
        using var site = new TestSite();
        site.Page("wide", "A Wide Page", extra: "wide: true\nnav: 3\n");

        Assert.Empty((await site.BuildAsync()).Diagnostics);
    }

    [Fact]
    public async Task Jekyll_published_false_keeps_an_article_out_like_a_draft()
    {
        using var site = new TestSite();
        site.Post("hidden", extra: "published: false\n");

        Assert.Empty((await site.BuildAsync()).Diagnostics);
        Assert.False(site.Exists("posts/hidden/index.html"));
    }
    [Fact]
    public async Task Pinning_an_article_to_a_day_without_a_snapshot_is_an_error_at_the_key_saying_how_to_make_one()
    {
        using var site = new TestSite();
        site.Write("input/data/deals.csv", "deal_id,amount\nD1,100\n");
        site.Write("input/posts/pinned.md", "---\ntitle: Pinned\ndate: 2025-10-14\ndata_as_of: 2025-10-14\n---\n\nText.\n");

        var error = Assert.Single((await site.BuildAsync()).Diagnostics);

        Assert.Equal(("SI0111", Severity.Error, 4), (error.Code, error.Severity, error.Line));
        Assert.Contains("no snapshot of the data as of 2025-10-14", error.Message, StringComparison.Ordinal);
        Assert.Contains("data snapshot 2025-10-14", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2025-13-01")]
    [InlineData("[2025-10-14]")]
    public async Task A_data_as_of_that_is_not_a_day_is_an_error_at_the_key(string value)
    {
        using var site = new TestSite();
        site.Write("input/posts/pinned.md", $"---\ntitle: Pinned\ndate: 2025-10-14\ndata_as_of: {value}\n---\n\nText.\n");

        var error = Assert.Single((await site.BuildAsync()).Diagnostics);

        Assert.Equal(("SI0111", 4), (error.Code, error.Line));
        Assert.Contains("YYYY-MM-DD", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_snapshot_taken_after_the_article_is_a_warning_at_the_key()
    {
        using var site = new TestSite();
        site.Write("input/data/deals.csv", "deal_id,amount\nD1,100\n");
        SalesInsights.Data.DataCatalog.Freeze(site.PathOf("input/data"), site.PathOf("input/data/snapshots/2025-11-01"));
        site.Write("input/posts/pinned.md", "---\ntitle: Pinned\ndate: 2025-10-14\ndata_as_of: 2025-11-01\n---\n\nText.\n");

        var warning = Assert.Single((await site.BuildAsync()).Diagnostics);

        Assert.Equal(("SI0111", Severity.Warning, 4), (warning.Code, warning.Severity, warning.Line));
        Assert.True(site.Exists("posts/pinned/index.html"));
    }

    [Fact]
    public async Task A_future_publish_date_keeps_an_article_out_like_a_future_date_and_dates_one_without_a_date()
    {
        using var site = new TestSite();
        site.Write("input/posts/scheduled.md", "---\ntitle: Scheduled\ndate: 2026-01-01\npublishDate: 2027-01-01\n---\n\nText.\n");
        site.Write("input/posts/from-publish.md", "---\ntitle: Dated by publishDate\npublishDate: 2026-02-03\n---\n\nText.\n");

        var result = await site.BuildAsync();

        Assert.Empty(result.Diagnostics);
        Assert.False(site.Exists("posts/scheduled/index.html"));
        Assert.Contains(">3 February 2026</time>", site.Read("posts/from-publish/index.html"), StringComparison.Ordinal);
        await site.BuildAsync(drafts: true);
        Assert.True(site.Exists("posts/scheduled/index.html"));
    }

    [Fact]
    public async Task An_expired_article_is_left_out_and_one_expiring_later_is_published()
    {
        using var site = new TestSite();
        site.Post("expired", extra: "expiryDate: 2026-10-31\n");
        site.Post("expiring", extra: "expiryDate: 2026-11-02\n");

        var result = await site.BuildAsync();

        Assert.Empty(result.Diagnostics);
        Assert.False(site.Exists("posts/expired/index.html"));
        Assert.DoesNotContain("/posts/expired/", site.Read("index.html"), StringComparison.Ordinal);
        Assert.True(site.Exists("posts/expiring/index.html"));
    }

    [Fact]
    public async Task A_publication_date_that_is_not_a_date_is_an_error_at_its_line()
    {
        using var site = new TestSite();
        site.Post("bad", extra: "expiryDate: someday\n");

        var error = Assert.Single((await site.BuildAsync()).Diagnostics);

        Assert.Equal(("SI0103", 5), (error.Code, error.Line));
        Assert.Contains("'expiryDate' is not a date: 'someday'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_hugo_section_list_page_is_not_published_as_an_article_and_says_so_at_its_file()
    {
        using var site = new TestSite();
        site.Post("a");
        site.Write("input/posts/_index.md", "---\ntitle: All posts\n---\n\nIntro.\n");

        var warning = Assert.Single((await site.BuildAsync()).Diagnostics);

        Assert.Equal(("SI0114", Severity.Warning, "input/posts/_index.md", 1), (warning.Code, warning.Severity, warning.Path, warning.Line));
        Assert.False(site.Exists("posts/index/index.html"));
        Assert.False(site.Exists("posts/_index/index.html"));
    }

    [Fact]
    public async Task A_pages_one_word_permalink_is_its_address()
    {
        using var site = new TestSite();
        site.Write("input/pages/contact.md", "---\ntitle: Contact\npermalink: /get-in-touch/\n---\n\nText.\n");

        Assert.Empty((await site.BuildAsync()).Diagnostics);
        Assert.True(site.Exists("get-in-touch/index.html"));
    }
}
