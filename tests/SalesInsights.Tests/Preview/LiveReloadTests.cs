using SalesInsights.Preview;

namespace SalesInsights.Tests.Preview;

public sealed class LiveReloadTests
{
    [Theory]
    [InlineData("<html><body><p>x</p></body></html>", "<html><body><p>x</p>[S]</body></html>")]
    [InlineData("<html><BODY>x</BODY></html>", "<html><BODY>x[S]</BODY></html>")]
    [InlineData("<p>no body</p>", "<p>no body</p>[S]")]
    public void Given_a_page_then_the_snippet_goes_just_before_the_closing_body_tag(string html, string expected)
    {
        Assert.Equal(expected, LiveReload.Inject(html, "[S]"));
    }

    [Fact]
    public void Given_a_file_name_with_quotes_then_the_script_state_stays_inside_its_attribute()
    {
        var tag = LiveReload.Tag("s1", 3, "a\"><script>alert(1)</script>.html");

        Assert.DoesNotContain("<script>alert", tag, StringComparison.Ordinal);
        Assert.StartsWith($"<script src=\"{LiveReload.ScriptPath}\" data-preview=\"", tag, StringComparison.Ordinal);
        Assert.EndsWith("\"></script>", tag, StringComparison.Ordinal);
    }
}
