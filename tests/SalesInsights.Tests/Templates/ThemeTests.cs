using Scriban.Runtime;
using SalesInsights.Pipeline;
using SalesInsights.Templates;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Templates;

public sealed class ThemeTests
{
    private static (Theme Theme, DiagnosticBag Diagnostics) Load(TestSite site, string theme)
    {
        var diagnostics = new DiagnosticBag();
        return (Theme.Load(Path.Combine(site.Root, theme), site.Input, p => Path.GetRelativePath(site.Root, p), diagnostics), diagnostics);
    }

    [Fact]
    public void Values_are_escaped_unless_they_are_trusted_html()
    {
        using var site = new TestSite();
        site.Write("t/layouts/page.html", "<h1>{{ title }}</h1>{{ body }}");
        var (theme, diagnostics) = Load(site, "t");
        var globals = new ScriptObject { ["title"] = "<script>alert(1)</script> & co", ["body"] = new TrustedHtml("<p>ok</p>") };
        Assert.Equal("<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; co</h1><p>ok</p>", theme.Render("page", globals, diagnostics, "x"));
    }

    [Fact]
    public void A_page_larger_than_a_mebibyte_is_rendered_whole()
    {
        using var site = new TestSite();
        site.Write("t/layouts/base.html", "<main>{{ content }}</main>").Write("t/layouts/page.html", "{{ body }}{{ text }}");
        var (theme, diagnostics) = Load(site, "t");
        var body = new string('x', 3 << 20);
        var html = theme.Render("page", new ScriptObject { ["body"] = new TrustedHtml(body), ["text"] = body }, diagnostics, "x");
        Assert.Equal("<main>" + body + body + "</main>", html);
    }

    [Fact]
    public void Pages_rendered_one_after_another_on_a_thread_share_nothing_not_even_after_a_failed_or_huge_one()
    {
        using var site = new TestSite();
        site.Write("t/layouts/base.html", "<main>{{ content }}</main>")
            .Write("t/layouts/page.html", "{{ text }}")
            .Write("t/layouts/broken.html", "half a page {{ include 'nope' }}");
        var (theme, diagnostics) = Load(site, "t");
        var huge = new string('h', 2 << 20);

        Assert.Equal("<main>first</main>", theme.Render("page", new ScriptObject { ["text"] = "first" }, diagnostics, "a"));
        Assert.Null(theme.Render("broken", [], diagnostics, "b"));
        Assert.Equal("<main>" + huge + "</main>", theme.Render("page", new ScriptObject { ["text"] = huge }, diagnostics, "c"));
        Assert.Equal("<main>last</main>", theme.Render("page", new ScriptObject { ["text"] = "last" }, diagnostics, "d"));
    }

    [Fact]
    public void What_one_page_assigns_is_gone_when_the_next_page_is_rendered()
    {
        using var site = new TestSite();
        site.Write("t/layouts/base.html", "{{ content }}")
            .Write("t/layouts/sets.html", "{{ secret = text }}{{ for i in 1..2 }}{{ end }}set")
            .Write("t/layouts/reads.html", "[{{ secret }}][{{ i }}][{{ text }}]");
        var (theme, diagnostics) = Load(site, "t");

        Assert.Equal("set", theme.Render("sets", new ScriptObject { ["text"] = "<leak>" }, diagnostics, "a"));
        Assert.Equal("[][][]", theme.Render("reads", [], diagnostics, "b"));
    }

    [Fact]
    public void A_layout_is_wrapped_in_the_base_layout_and_partials_are_not_escaped_twice()
    {
        using var site = new TestSite();
        site.Write("t/layouts/base.html", "<main>{{ content }}</main>")
            .Write("t/layouts/page.html", "{{ include 'x' }}")
            .Write("t/partials/x.html", "<b>{{ name }}</b>");
        var (theme, diagnostics) = Load(site, "t");
        Assert.Equal("<main><b>a&lt;b</b></main>", theme.Render("page", new ScriptObject { ["name"] = "a<b" }, diagnostics, "x"));
    }

    [Fact]
    public void A_site_file_overrides_the_theme_file_of_the_same_name()
    {
        using var site = new TestSite();
        site.Write("t/layouts/page.html", "theme").Write("input/layouts/page.html", "site");
        var (theme, diagnostics) = Load(site, "t");
        Assert.Equal("site", theme.Render("page", [], diagnostics, "x"));
    }

    [Fact]
    public void A_template_syntax_error_is_a_diagnostic_at_the_template_line()
    {
        using var site = new TestSite();
        site.Write("t/layouts/page.html", "line one\n{{ if }}\n");
        var (_, diagnostics) = Load(site, "t");
        Assert.NotEmpty(diagnostics.ToSortedArray());
        Assert.All(diagnostics.ToSortedArray(), d => Assert.Equal(("SI0402", "t/layouts/page.html", 2), (d.Code, d.Path, d.Line)));
    }

    [Fact]
    public void An_unknown_partial_is_a_diagnostic_naming_the_template()
    {
        using var site = new TestSite();
        site.Write("t/layouts/page.html", "\n{{ include 'nope' }}");
        var (theme, diagnostics) = Load(site, "t");
        Assert.Null(theme.Render("page", [], diagnostics, "input/pages/a.md"));
        var diagnostic = Assert.Single(diagnostics.ToSortedArray());
        Assert.Equal(("SI0403", "t/layouts/page.html", 2), (diagnostic.Code, diagnostic.Path, diagnostic.Line));
        Assert.Contains("unknown partial 'nope'", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_card_is_rendered_once_per_heading_level_and_escaped_like_any_value()
    {
        using var site = new TestSite();
        site.Write("t/layouts/page.html", "{{ card_html card 2 }}|{{ card_html card 3 }}|{{ card_html card 2 }}")
            .Write("t/partials/post-card.html", "<h{{ card_heading }}>{{ card.title }}</h{{ card_heading }}>");
        var (theme, diagnostics) = Load(site, "t");
        var card = new ScriptObject { ["title"] = "Quota & <pressure>" };

        var first = theme.Render("page", new ScriptObject { ["card"] = card }, diagnostics, "a");
        card["title"] = "changed"; // cards are read-only in a real build: a second page gets the first rendering
        var second = theme.Render("page", new ScriptObject { ["card"] = card }, diagnostics, "b");

        Assert.Equal("<h2>Quota &amp; &lt;pressure&gt;</h2>|<h3>Quota &amp; &lt;pressure&gt;</h3>|<h2>Quota &amp; &lt;pressure&gt;</h2>", first);
        Assert.Equal(first, second);
        Assert.Empty(diagnostics.ToSortedArray());
    }

    [Fact]
    public void A_theme_without_a_card_partial_gets_a_diagnostic_naming_it()
    {
        using var site = new TestSite();
        site.Write("t/layouts/page.html", "{{ card_html card 2 }}");
        var (theme, diagnostics) = Load(site, "t");

        Assert.Null(theme.Render("page", new ScriptObject { ["card"] = new ScriptObject() }, diagnostics, "a"));
        Assert.Contains(diagnostics.ToSortedArray(), d => d.Message.Contains("post-card", StringComparison.Ordinal));
    }
}
