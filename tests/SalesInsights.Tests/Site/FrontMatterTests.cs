using System.Collections.Immutable;
using SalesInsights.Site;

namespace SalesInsights.Tests.Site;

public sealed class FrontMatterTests
{
    [Fact]
    public void Front_matter_is_split_from_the_body_with_each_key_on_its_file_line()
    {
        var parsed = FrontMatter.Parse("---\ntitle: Hello\ntags: [a, b]\ndraft: true\n---\n\nBody text\n", out var error);
        Assert.Null(error);
        Assert.Equal("Hello", parsed.Values["title"]);
        Assert.Equal(["a", "b"], ((ImmutableArray<object?>)parsed.Values["tags"]!).Cast<string>());
        Assert.Equal(true, parsed.Values["draft"]);
        Assert.Equal(2, parsed.Lines["title"]);
        Assert.Equal(3, parsed.Lines["tags"]);
        Assert.Equal(5, parsed.BodyLine);
        Assert.Equal("\nBody text\n", parsed.Body);
    }

    [Fact]
    public void A_file_without_a_leading_delimiter_has_no_front_matter()
    {
        var parsed = FrontMatter.Parse("# Just Markdown\n", out var error);
        Assert.Null(error);
        Assert.Empty(parsed.Values);
        Assert.Equal("# Just Markdown\n", parsed.Body);
        Assert.Equal(0, parsed.BodyLine);
    }

    [Fact]
    public void Malformed_yaml_is_reported_at_its_line_in_the_file()
    {
        FrontMatter.Parse("---\ntitle: ok\ntags: [a, b\nauthor: x\n---\nbody", out var error);
        Assert.NotNull(error);
        Assert.InRange(error.Line, 3, 5);
        Assert.StartsWith("malformed YAML front matter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_front_matter_block_is_an_error_on_the_first_line()
    {
        FrontMatter.Parse("---\ntitle: x\n\nbody never closed", out var error);
        Assert.Equal(1, error?.Line);
        Assert.Contains("no closing", error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_given_twice_is_an_error_at_its_second_line()
    {
        FrontMatter.Parse("---\ntitle: a\ntitle: b\n---\n", out var error);
        Assert.NotNull(error);
        Assert.Equal(3, error.Line);
    }

    [Theory]
    [InlineData("count: 3", 3L)]
    [InlineData("ratio: 0.5", 0.5)]
    [InlineData("flag: false", false)]
    [InlineData("quoted: \"3\"", "3")]
    [InlineData("date: 2026-01-02", "2026-01-02")]
    public void Scalars_become_plain_values(string line, object expected)
    {
        var parsed = FrontMatter.Parse($"---\n{line}\n---\n", out _);
        Assert.Equal(expected, parsed.Values.Values.Single());
    }

    [Fact]
    public void Toml_front_matter_between_plus_lines_gives_the_same_values_as_yaml_with_file_lines()
    {
        var parsed = FrontMatter.Parse("+++\ntitle = \"Hello\"\ndate = 2026-03-10T22:00:00-05:00\ntags = [\"a\", \"b\"]\ndraft = false\nweight = 3\n\n[params]\nwide = true\n+++\n\nBody text\n", out var error);

        Assert.Null(error);
        Assert.Equal(FrontMatterFormat.Toml, parsed.Format);
        Assert.Equal("Hello", parsed.Values["title"]);
        Assert.Equal("2026-03-10T22:00:00-05:00", parsed.Values["date"]);
        Assert.Equal(["a", "b"], ((ImmutableArray<object?>)parsed.Values["tags"]!).Cast<string>());
        Assert.Equal(false, parsed.Values["draft"]);
        Assert.Equal(3L, parsed.Values["weight"]);
        Assert.Equal(true, ((IReadOnlyDictionary<string, object?>)parsed.Values["params"]!)["wide"]);
        Assert.Equal((2, 3, 4), (parsed.Lines["title"], parsed.Lines["date"], parsed.Lines["tags"]));
        Assert.Equal(10, parsed.BodyLine);
        Assert.Equal("\nBody text\n", parsed.Body);
    }

    [Fact]
    public void Malformed_toml_is_reported_at_its_line_in_the_file()
    {
        FrontMatter.Parse("+++\ntitle = \"ok\"\ntags = [\"a\"\ndate = 2026-01-01\n+++\nbody", out var error);

        Assert.NotNull(error);
        Assert.InRange(error.Line, 3, 4);
        Assert.StartsWith("malformed TOML front matter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_front_matter_is_the_object_at_the_top_and_the_body_follows_it()
    {
        var parsed = FrontMatter.Parse("{\n  \"title\": \"Hello\",\n  \"tags\": [\"a\", \"b\"],\n  \"draft\": true\n}\n\nBody text\n", out var error);

        Assert.Null(error);
        Assert.Equal(FrontMatterFormat.Json, parsed.Format);
        Assert.Equal("Hello", parsed.Values["title"]);
        Assert.Equal(["a", "b"], ((ImmutableArray<object?>)parsed.Values["tags"]!).Cast<string>());
        Assert.Equal(true, parsed.Values["draft"]);
        Assert.Equal((2, 3), (parsed.Lines["title"], parsed.Lines["tags"]));
        Assert.Equal(5, parsed.BodyLine);
        Assert.Equal("\nBody text\n", parsed.Body);
    }

    [Fact]
    public void Malformed_json_is_reported_at_its_line_in_the_file()
    {
        FrontMatter.Parse("{\n  \"title\": \"Hello\",\n  \"tags\": [\"a\" \"b\"]\n}\nbody", out var error);

        Assert.NotNull(error);
        Assert.Equal(3, error.Line);
        Assert.StartsWith("malformed JSON front matter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_front_matter_is_bounded_like_yaml()
    {
        var deep = "{\"a\": " + new string('[', FrontMatter.MaxDepth + 5) + new string(']', FrontMatter.MaxDepth + 5) + "}\nbody";

        FrontMatter.Parse(deep, out var error);

        Assert.NotNull(error);
        Assert.StartsWith("malformed JSON front matter", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Toml_front_matter_is_bounded_like_yaml()
    {
        var wide = "+++\nlist = [" + string.Join(", ", Enumerable.Range(0, FrontMatter.MaxValues + 1)) + "]\n+++\nbody";

        FrontMatter.Parse(wide, out var error);

        Assert.NotNull(error);
        Assert.Equal(2, error.Line);
        Assert.Contains("more than 10,000 values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Prose_that_opens_with_a_brace_is_not_read_as_json()
    {
        var parsed = FrontMatter.Parse("{braces} start this paragraph.\n", out var error);

        Assert.Null(error);
        Assert.Equal(FrontMatterFormat.None, parsed.Format);
    }

    [Theory]
    [InlineData("---\ntitle: Fine\ntags: \"\\u0000\"\n---\nBody\n", 3, "U+0000")]
    [InlineData("---\ntitle: \"Bell \\a\"\n---\nBody\n", 2, "U+0007")]
    [InlineData("+++\ntitle = \"Fine\"\nauthor = \"A\\u001b\"\n+++\nBody\n", 3, "U+001B")]
    [InlineData("{ \"title\": \"Fine\",\n  \"tags\": [\"x\\u0001\"] }\nBody\n", 2, "U+0001")]
    public void A_value_holding_a_character_no_page_or_feed_can_carry_is_an_error_at_its_key(string text, int line, string character)
    {
        FrontMatter.Parse(text, out var error);
        Assert.NotNull(error);
        Assert.Equal(line, error.Line);
        Assert.Contains(character, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tabs_line_breaks_and_characters_beyond_the_basic_plane_are_carried()
    {
        FrontMatter.Parse("---\ntitle: \"Tab\\there \U0001F4C8\"\ndescription: |\n  two\n  lines\n---\nBody\n", out var error);
        Assert.Null(error);
    }
}
