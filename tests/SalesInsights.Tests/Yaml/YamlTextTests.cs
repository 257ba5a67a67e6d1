using SalesInsights.Yaml;

namespace SalesInsights.Tests.Yaml;

public sealed class YamlTextTests
{
    [Fact]
    public void Every_key_and_value_keeps_the_line_and_column_it_was_written_at()
    {
        var root = Assert.IsType<YamlMap>(YamlText.Parse("title: Quota\ntags:\n  - pay\n  - plans\n", out var error));

        Assert.Null(error);
        Assert.Equal(["title", "tags"], root.Entries.Select(e => e.Name));
        Assert.Equal((1, 1), (root.Entries[0].Key.Line, root.Entries[0].Key.Column));
        Assert.Equal((1, 8), (root.Entries[0].Value.Line, root.Entries[0].Value.Column));
        var tags = Assert.IsType<YamlList>(root.Entries[1].Value);
        Assert.Equal(["pay", "plans"], tags.Items.Cast<YamlScalar>().Select(s => s.Value));
        Assert.Equal((4, 5), (tags.Items[1].Line, tags.Items[1].Column));
    }

    [Theory]
    [InlineData("a: 12", true)]
    [InlineData("a: '12'", false)]
    [InlineData("a: \"12\"", false)]
    [InlineData("a: |\n  12\n", false)]
    public void Only_a_plain_scalar_is_marked_plain_so_a_quoted_number_stays_text(string yaml, bool plain)
    {
        var root = Assert.IsType<YamlMap>(YamlText.Parse(yaml, out _));

        Assert.Equal(plain, Assert.IsType<YamlScalar>(root.Entries[0].Value).Plain);
    }

    [Fact]
    public void An_empty_text_has_no_root_and_no_error()
    {
        Assert.Null(YamlText.Parse("", out var error));
        Assert.Null(error);
    }

    [Fact]
    public void An_unclosed_bracket_is_reported_where_it_opened_not_where_the_parser_gave_up()
    {
        Assert.Null(YamlText.Parse("title: T\ntags: [a, b\nsql: SELECT 1\nx: y\n", out var error));

        Assert.NotNull(error);
        Assert.Equal((2, 7), (error.Line, error.Column));
        Assert.DoesNotContain("Line:", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_alias_bomb_is_an_error_at_its_line_not_billions_of_values()
    {
        const string yaml = "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
            + "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
            + "e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n";

        Assert.Null(YamlText.Parse(yaml, out var error));

        Assert.NotNull(error);
        Assert.Equal(4, error.Line);
        Assert.Contains("alias", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Nesting_past_the_limit_is_an_error_at_its_line()
    {
        Assert.Null(YamlText.Parse("ok: 1\ndeep: " + new string('[', 100) + new string(']', 100), out var error));

        Assert.NotNull(error);
        Assert.Equal(2, error.Line);
        Assert.Contains("nest", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_unicode_line_separator_does_not_shift_the_lines_markdown_counted()
    {
        var root = Assert.IsType<YamlMap>(YamlText.Parse("title: a\u2028b\nsql: SELECT 1\n", out var error));

        Assert.Null(error);
        Assert.Equal(2, root.Entries[1].Key.Line);
    }
}
