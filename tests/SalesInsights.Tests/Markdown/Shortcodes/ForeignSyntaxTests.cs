using SalesInsights.Markdown;
using SalesInsights.Markdown.Shortcodes;
using SalesInsights.Pipeline;

namespace SalesInsights.Tests.Markdown.Shortcodes;

public sealed class ForeignSyntaxTests
{
    /// <summary>Rewrites <paramref name="markdown"/> as the body of a file whose body starts on line 5.</summary>
    private static (string Markdown, IReadOnlyCollection<Diagnostic> Diagnostics) Rewrite(string markdown, bool unsafeHtml = false)
    {
        var context = new MarkdownRenderContext("input/posts/a.md", 4, null, allowsActiveContent: unsafeHtml);
        return (ForeignSyntax.Rewrite(markdown, context), context.Diagnostics);
    }

    [Fact]
    public void A_liquid_highlight_block_becomes_a_fence_and_its_code_is_left_as_written()
    {
        var (markdown, diagnostics) = Rewrite("Before.\n\n{% highlight ruby linenos %}\nputs \"{% not a tag %}\"\n{% endhighlight %}\n");

        Assert.Equal("Before.\n\n```ruby\nputs \"{% not a tag %}\"\n```\n", markdown);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void A_hugo_highlight_shortcode_becomes_a_fence()
    {
        Assert.Equal("```go\nfmt.Println()\n```", Rewrite("{{< highlight go >}}\nfmt.Println()\n{{< /highlight >}}").Markdown);
    }

    [Theory]
    [InlineData("[x]({% link _posts/2026-03-10-quota-math.md %})", "[x](/posts/quota-math/)")]
    [InlineData("[x]({% post_url 2026-03-10-quota-math %})", "[x](/posts/quota-math/)")]
    [InlineData("[x]({% link about.md %})", "[x](/about/)")]
    [InlineData("[x]({{< ref \"posts/quota-math.md#the-math\" >}})", "[x](/posts/quota-math/#the-math)")]
    [InlineData("[x]({{< relref \"about\" >}})", "[x](/about/)")]
    [InlineData("![a]({{ site.baseurl }}/images/a.png)", "![a](/images/a.png)")]
    [InlineData("[x]({{ \"/about/\" | relative_url }})", "[x](/about/)")]
    public void Links_written_with_tags_become_this_sites_addresses(string written, string expected)
    {
        var (markdown, diagnostics) = Rewrite(written);

        Assert.Equal(expected, markdown);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void A_figure_shortcode_becomes_a_figure_with_its_caption_escaped()
    {
        var (markdown, _) = Rewrite("{{< figure src=\"chart.png\" alt=\"Win rate\" caption=\"Q1 <draft>\" >}}");

        Assert.Equal("<figure><img src=\"chart.png\" alt=\"Win rate\"><figcaption>Q1 &lt;draft&gt;</figcaption></figure>", markdown);
    }

    [Fact]
    public void A_youtube_video_is_a_link_unless_the_site_allows_active_content()
    {
        Assert.Equal("[Watch the video on YouTube](https://www.youtube.com/watch?v=dQw4w9WgXcQ)", Rewrite("{{< youtube dQw4w9WgXcQ >}}").Markdown);
        Assert.StartsWith("<iframe src=\"https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ\"", Rewrite("{{< youtube id=\"dQw4w9WgXcQ\" >}}", unsafeHtml: true).Markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_tag_stays_as_text_with_a_warning_at_its_file_position_and_a_suggestion()
    {
        var (markdown, diagnostics) = Rewrite("Intro.\n\nSee {% include note.html %} and {{< tweet 123 >}} and {{< youtub abcdefgh >}}.\n");

        Assert.Contains("{% include note.html %}", markdown, StringComparison.Ordinal);
        Assert.Equal(["7:5 include", "7:33 tweet", "7:55 youtub"], diagnostics.Select(d => $"{d.Line}:{d.Column} {d.Message.Split(' ')[4].Trim('{', '%', '<')}"));
        Assert.All(diagnostics, d => Assert.Equal(("SI0704", Severity.Warning), (d.Code, d.Severity)));
        Assert.EndsWith("Did you mean 'youtube'?", diagnostics.Last().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tags_inside_code_blocks_and_code_spans_are_left_alone()
    {
        var text = "Write `{% include x %}` in Jekyll.\n\n```liquid\n{% include x %}\n```\n";

        var (markdown, diagnostics) = Rewrite(text);

        Assert.Equal(text, markdown);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void An_unclosed_code_fence_is_a_warning_at_the_line_that_opened_it()
    {
        var diagnostic = Assert.Single(Rewrite("Prose.\n\n```python\nprint(1)\n\nMore prose swallowed.\n").Diagnostics);

        Assert.Equal(("SI0703", Severity.Warning, 7), (diagnostic.Code, diagnostic.Severity, diagnostic.Line));
        Assert.Contains("never closed", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_chart_block_is_an_error_at_its_fence_and_is_not_read_as_yaml()
    {
        var (markdown, diagnostics) = Rewrite("```chart\ntitle: x\n\nProse: with a colon.\n");

        var error = Assert.Single(diagnostics);
        Assert.Equal(("SI0703", Severity.Error, 5), (error.Code, error.Severity, error.Line));
        Assert.Contains("```chart block opened here is never closed", error.Message, StringComparison.Ordinal);
        Assert.StartsWith("```text\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_closed_fence_and_longer_closing_fences_are_fine()
    {
        Assert.Empty(Rewrite("````md\n```\ninner\n```\n`````\n\n~~~\nx\n~~~\n").Diagnostics);
    }

    [Fact]
    public void A_hugo_highlight_shortcode_in_its_percent_form_becomes_a_fence()
    {
        Assert.Equal("```go\nfmt.Println()\n```", Rewrite("{{% highlight go %}}\nfmt.Println()\n{{% /highlight %}}").Markdown);
    }

    [Fact]
    public void An_unknown_percent_shortcode_is_named_as_written_closing_tag_included()
    {
        var diagnostics = Rewrite("{{% notice tip %}}Read this.{{% /notice %}}").Diagnostics;

        Assert.Equal(["5:1 {{% notice %}}", "5:29 {{% /notice %}}"], diagnostics.Select(d => $"{d.Line}:{d.Column} {d.Message[(d.Message.IndexOf("{{", StringComparison.Ordinal))..(d.Message.IndexOf("}}", StringComparison.Ordinal) + 2)]}"));
    }

    [Fact]
    public void A_jekyll_include_is_named_with_its_file_and_never_read()
    {
        var (markdown, diagnostics) = Rewrite("{% include ../../../etc/passwd %}\n");

        var warning = Assert.Single(diagnostics);
        Assert.Equal("{% include ../../../etc/passwd %}\n", markdown);
        Assert.Contains("{% include ../../../etc/passwd %} inserts a file of the old site's _includes folder, which this site never reads", warning.Message, StringComparison.Ordinal);
    }
}
