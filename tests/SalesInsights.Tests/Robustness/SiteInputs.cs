using FsCheck;
using FsCheck.Fluent;

namespace SalesInsights.Tests.Robustness;

/// <summary>One article file as a writer might leave it: a file name and the whole text.</summary>
public sealed record PostSource(string FileName, string Text)
{
    public override string ToString() => $"file '{FileName}':\n{Text}";
}

/// <summary>
/// Generators of what writers type, biased towards the characters that break parsers (YAML indicators, Markdown
/// punctuation, template braces, unusual Unicode) rather than uniformly random strings that rarely reach deep code.
/// Chart blocks and inline values are generated too: they exercise those features once the build has them, and
/// are plain code and text before that.
/// </summary>
public static class SiteInputs
{
    private static readonly string[] Keys = ["title", "date", "updated", "tags", "draft", "slug", "summary", "layout", "author", "image", "redirect_from", "weight", "x-custom", "Title", "tags ", ""];

    private static readonly string[] Scalars =
    [
        "Hello", "\"quoted: yes\"", "'single'", "\"unterminated", "[a, b]", "[a, [b, c]]", "[", "{a: 1}", "{", "- item", "2025-01-01", "2025-13-45",
        "2025-02-30T25:61:00Z", "1999-12-31 23:59:59 +05:00", "someday", "true", "false", "yes", "~", "null", "0", "-1", "3.14", "1e309", "&anchor v", "*alias",
        "!tag value", "!!binary x", "%", "@at", "`tick`", "|", ">", "# comment", "a: b: c", "é ü 日本 😀", "\u200B", "\t tab", "  ", "'it''s'", "\"\\u00e9\"",
        "<script>alert(1)</script>", "{{ page.title }}", "../../etc/passwd", "/absolute/slug", "UPPER Case", new string('x', 300),
    ];

    private static readonly string[] MarkdownPieces =
    [
        "Plain text.", "# Heading", "## Heading {#custom-id}", "### ", "[link](/posts/other/)", "[bad](", "[x]()", "![image](missing.png)", "<https://example.org>",
        "* item\n  * nested", "1. one\n2. two", "> quote\n> more", "```\ncode\n```", "```", "```csharp\nvar x = 1;\n```", "| a | b |\n|---|---|\n| 1 | 2 |", "| a |",
        "<div>raw", "</div>", "<!-- comment", "&amp; &nbsp; &#x0;", "***bold italic***", "~~strike~~", "[^1]\n\n[^1]: note", "$$\nx^2\n$$", "---", "***", "\\", "`",
        "{{ q.t.n | integer }}", "{{ q.t.total | currency }}", "{{ q.t.nope | number }}", "{{ q.unknown.x }}", "{{ q.t.n | nosuchformat }}", "{{ q. }}", "{{", "}}",
        "```sql name=t\nselect count(*) as n, sum(amount) as total from deals\n```", "```sql name=bad\nselect from where\n```", "```sql name=t\nselect 1 as n\n```",
        "```chart\ntitle: Deals by region\ntype: bar\nsql: select region, sum(amount) as amount from deals group by region\nx: region\ny: amount\n```",
        "```chart\ntitle: Won and lost\ntype: pie\nsql: select status, count(*) as n from deals group by status\nx: status\ny: n\nformat: percent\n```",
        "```chart\ntitle: Amounts\ntype: histogram\ndata: deals\nx: amount\nbins: 0\n```",
        "```chart\ntype: nope\ntitle: x\n```", "```chart\ntitle: T\nformat: [\nx: -5\ny: \t tab\n```", "```chart\ntitle: [\n```", "```chart\n\n```", "```chart\ntitle: T\ntype: line\ndata: missing_dataset\nx: 1\ny: [a, {b}]\n```",
        "```chart\n- just\n- a list\n```", "```chart\ntitle: \"x\"\ntype: bar\nsql: drop table deals\n```",
        "```chart\ntitle: T\ntype: bar\nsql: select region from deals\nx: region\ny: missing_col\nbins: -3\ntarget: lots\n```",
        "é ü 日本 😀", "\t\tindented code", "  trailing  ",
    ];

    private static readonly char[] FileNameCharacters = "abcxyzABC019 -_.,()'&+=~!@éü日".ToCharArray();

    public static Gen<string> FrontMatterBlock() =>
        from lines in Gen.ListOf(FrontMatterLine()).Resize(8)
        from closed in Gen.Frequency((9, Gen.Constant(true)), (1, Gen.Constant(false)))
        from opening in Gen.Elements("---\n", "---\r\n", "--- \n", "---\n\n", "")
        select opening + string.Concat(lines) + (closed ? "---\n" : string.Empty);

    private static Gen<string> FrontMatterLine() =>
        Gen.OneOf(
            from key in Gen.Elements(Keys)
            from separator in Gen.Elements(": ", ":", " : ", ":\t")
            from value in Gen.OneOf(Gen.Elements(Scalars), Noise())
            select key + separator + value + "\n",
            from key in Gen.Elements(Keys)
            from items in Gen.ListOf(Gen.Elements(Scalars)).Resize(3)
            select key + ":\n" + string.Concat(items.Select(i => "  - " + i + "\n")),
            Noise().Select(n => n + "\n"));

    public static Gen<string> MarkdownBody() =>
        from pieces in Gen.ListOf(Gen.OneOf(Gen.Elements(MarkdownPieces), Noise())).Resize(10)
        from separator in Gen.Elements("\n\n", "\n", " ", "\r\n")
        select string.Join(separator, pieces);

    /// <summary>Short runs of the characters parsers treat specially.</summary>
    public static Gen<string> Noise() =>
        Gen.ArrayOf(Gen.Elements(":-[]{}#|>&*!%@`'\"\\<>/\n\t =~_.,0123456789abcXYZé日😀\u0000\u00A0\u2028".EnumerateRunes().Select(r => r.ToString()).ToArray()))
            .Resize(24)
            .Select(string.Concat);

    public static Gen<string> FileName() =>
        from characters in Gen.NonEmptyListOf(Gen.Elements(FileNameCharacters)).Resize(24)
        let name = string.Concat(characters).Trim()
        where name.Length > 0 && name != "." && name != ".."
        select name + ".md";

    /// <summary>Front matter a build accepts, with one field that may be odd, so most cases reach Markdown, charts and values.</summary>
    public static Gen<string> PlausibleFrontMatter() =>
        from title in Gen.OneOf(Gen.Elements("Deals", "Q3: a review", "\"Quoted\"", "é ü 日本 😀", "x"), Noise().Where(n => n.Trim().Length > 0).Select(n => "\"" + n.Replace("\\", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal) + "\""))
        from date in Gen.Elements("2025-01-01", "2024-02-29", "2026-10-31T08:00:00Z", "2025-06-01 12:00:00 +02:00")
        from tags in Gen.Elements("[a]", "[a, b]", "[]", "[\"Sales ops\", Q3]", "[日本]")
        from odd in Gen.OneOf(Gen.Constant(string.Empty), FrontMatterLine())
        select $"---\ntitle: {title}\ndate: {date}\ntags: {tags}\n{odd}---\n";

    public static Arbitrary<PostSource> Posts() =>
        (from name in FileName()
         from frontMatter in Gen.Frequency((1, FrontMatterBlock()), (3, PlausibleFrontMatter()))
         from body in MarkdownBody()
         select new PostSource(name, frontMatter + body)).ToArbitrary();

    /// <summary>The YAML inside a chart block: known keys with odd values, unknown keys, and noise.</summary>
    public static Gen<string> ChartYaml() =>
        from lines in Gen.ListOf(Gen.OneOf(
            from key in Gen.Elements("title", "type", "sql", "data", "x", "y", "group", "aggregate", "where", "x_label", "y_label", "format", "target", "target_label", "caption", "alt", "trend", "bins", "kind", "Title", "")
            from value in Gen.OneOf(Gen.Elements(Scalars), Gen.Elements("bar", "line", "pie", "scatter", "funnel", "histogram", "deals", "select 1", "sum", "percent", "currency", "-5", "1000000000"), Noise())
            select key + ": " + value + "\n",
            Noise().Select(n => n + "\n"))).Resize(8)
        select string.Concat(lines);

    public static Arbitrary<string> FrontMatterTexts() =>
        (from frontMatter in FrontMatterBlock()
         from body in MarkdownBody()
         select frontMatter + body).ToArbitrary();
}
