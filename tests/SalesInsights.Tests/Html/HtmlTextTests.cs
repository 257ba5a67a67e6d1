using SalesInsights.Html;

namespace SalesInsights.Tests.Html;

public sealed class HtmlTextTests
{
    [Theory]
    [InlineData("<h2 id=\"a\">Win rates <a class=\"heading-anchor\" href=\"#a\">#</a></h2><p>Deals close.</p>", "Win rates Deals close.")]
    [InlineData("<p>A <em>strong</em>ly <code>held</code> view</p>", "A strongly held view")]
    [InlineData("<ul><li>one</li><li>two</li></ul>", "one two")]
    [InlineData("<p>Fish &amp; chips &lt;3 &#x263A;</p>", "Fish & chips <3 ☺")]
    [InlineData("<table><tr><td>EMEA</td><td>42%</td></tr></table>", "EMEA 42%")]
    [InlineData("<p>line<br>break</p>", "line break")]
    public void The_text_of_prose_keeps_its_words_apart_where_a_reader_sees_them_apart(string html, string text) =>
        Assert.Equal(text, HtmlText.Of(html));

    [Theory]
    [InlineData("<pre><code>SELECT secret FROM deals</code></pre>")]
    [InlineData("<svg><text>secret</text><svg><text>nested secret</text></svg></svg>")]
    [InlineData("<details><summary>Data</summary><table><tr><td>secret</td></tr></table></details>")]
    [InlineData("<script>secret()</script><style>.secret{}</style>")]
    [InlineData("<!-- secret -->")]
    [InlineData("<p><a class=\"chart-download\" href=\"/a.csv\" download>secret</a></p>")]
    public void Code_drawings_chart_data_and_what_is_not_prose_are_left_out(string html) =>
        Assert.Equal("kept", HtmlText.Of("<p>kept</p>" + html));

    [Fact]
    public void A_limit_cuts_the_text_at_a_word()
    {
        Assert.Equal("alpha beta", HtmlText.Of("<p>alpha beta gamma delta</p>", limit: 12));
    }
}
