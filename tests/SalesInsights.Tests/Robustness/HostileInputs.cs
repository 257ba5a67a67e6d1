using System.Text;
using FsCheck;
using FsCheck.Fluent;

namespace SalesInsights.Tests.Robustness;

/// <summary>One hostile site: an article and a CSV file, both generated.</summary>
public sealed record HostileCase(string Article, byte[] Csv)
{
    public override string ToString() => $"article:\n{Article}\ncsv ({Csv.Length} bytes):\n{Encoding.Latin1.GetString(Csv)}";
}

/// <summary>
/// Generators of what an attacker or a careless export writes: YAML with anchors, aliases and deep nesting, SQL
/// that writes, reads files, runs long or hides parameters in literals, raw HTML with active content in its many
/// spellings, and CSV files that are ragged, empty, binary or in another encoding. Pieces are combined at random,
/// so each run tries variations no one wrote down.
/// </summary>
public static class HostileInputs
{
    private static readonly string[] YamlValues =
    [
        "&a [x, x, x, x, x, x, x, x, x]", "[*a, *a, *a, *a, *a, *a, *a, *a, *a]", "*a", "*missing", "&b {k: *a}", "[[[[[[[[[[[[[[[[[[[[x]]]]]]]]]]]]]]]]]]]]",
        "{a: {b: {c: {d: {e: {f: {g: {h: 1}}}}}}}}", "!!binary aGVsbG8=", "!!python/object:os.system [ls]", "\"\\u0000\"", "'<script>alert(1)</script>'",
        "javascript:alert(1)", " data:text/html;base64,PHNjcmlwdD4=", "/images/ok.png", "https://example.org/x.png", "//evil.example/x.png", "\"java\\tscript:x\"",
        "[/posts/a/, //evil.example/]", "../../etc/passwd", "~", "2025-01-01",
    ];

    private static readonly string[] Sql =
    [
        "SELECT count(*) AS n FROM deals", "WITH x AS (SELECT 1) UPDATE deals SET amount = amount * 10 RETURNING 1", "DELETE FROM deals RETURNING 1",
        "CREATE TEMP VIEW deals AS SELECT 1 AS n", "SET memory_limit = '64GB'", "SELECT 1 AS n; DROP TABLE deals", "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT current_setting('home_directory') AS n", "SELECT count(*) AS n FROM range(100000000000)", "SELECT list(range) AS n FROM range(50000000)",
        "SELECT '$region' AS n", "SELECT $$ ; DROP TABLE deals; $$ AS n", "SELECT /* ; */ 1 AS n -- ;", "ATTACH '/tmp/x.db'", "COPY deals TO '/tmp/out.csv'",
        "SELECT * FROM query('UPDATE deals SET amount = 0 RETURNING 1')", "PRAGMA version", "SELECT getvariable('x') AS n", "SELECT 1 AS n FROM deals WHERE region = 'O''Brien'",
    ];

    private static readonly string[] Html =
    [
        "<script>alert(1)</script>", "<SCRIPT SRC=//evil.example/x.js></SCRIPT>", "<img src=x onerror=alert(1)>", "<img src=\"/ok.png\" alt=\"ok\">",
        "<a href=\"javascript:alert(1)\">x</a>", "<a href=\"java&#x09;script:alert(1)\">x</a>", "<a href=\" JaVaScRiPt:alert(1)\">x</a>",
        "<iframe src=\"https://evil.example\"></iframe>", "<object data=\"x.swf\"></object>", "<embed src=\"x.swf\">", "<svg><script>alert(1)</script></svg>",
        "<svg onload=alert(1)>", "<div style=\"color:red\" onclick=\"x()\">x</div>", "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
        "<base href=\"https://evil.example/\">", "<form action=\"javascript:alert(1)\"><button>x</button></form>", "[x](javascript:alert(1))", "[x](<java script:x>)",
        "![x](data:image/svg+xml;base64,PHN2Zz4=)", "<javascript:alert(1)>", "[x](/posts/nowhere/)", "[]()", "<div>plain</div>", "<!-- <script> -->",
    ];

    private static readonly string[] CsvRows = ["1,EMEA,100,won", "2,AMER,200,lost", "3,APAC", "4,EMEA,50,won,extra", "\"5\",\"EMEA, North\",10,won", "6,\"unclosed,1,won", "", "7,EMEA,,open"];

    /// <summary>YAML as front matter or a chart block's body would hold it.</summary>
    public static Gen<string> Yaml() =>
        from keys in Gen.ListOf(Gen.Elements("title", "tags", "image", "redirect_from", "summary", "sql", "x", "y", "data", "type", "a", "b")).Resize(6)
        from values in Gen.ListOf(Gen.Elements(YamlValues)).Resize(6)
        select string.Concat(keys.Zip(values, (k, v) => $"{k}: {v}\n"));

    public static Gen<HostileCase> Cases() =>
        from frontMatter in Yaml()
        from sql in Gen.Elements(Sql)
        from html in Gen.ListOf(Gen.Elements(Html)).Resize(3)
        from chart in Gen.Elements(true, false)
        from csv in CsvFile()
        let body = string.Join("\n\n", html) + "\n\n" + (chart
            ? $"```chart\ntitle: T\ntype: bar\nsql: {sql}\n```\n"
            : $"Value {{{{ q.q.n }}}}.\n\n```sql name=q\n{sql}\n```\n")
        select new HostileCase($"---\ntitle: Hostile\ndate: 2025-01-02\n{frontMatter}---\n\n{body}", csv);

    private static Gen<byte[]> CsvFile() =>
        from rows in Gen.ListOf(Gen.Elements(CsvRows)).Resize(6)
        from form in Gen.Elements("utf8", "latin1", "binary", "empty", "header-only", "bom")
        let text = "deal_id,region,amount,status\n" + string.Join("\n", rows.Select(r => r.Replace("EMEA", "Sã"))) + "\n"
        select form switch
        {
            "latin1" => Encoding.Latin1.GetBytes(text),
            "binary" => [.. Encoding.UTF8.GetBytes(text), 0, 0xFF, 0x00],
            "empty" => [],
            "header-only" => Encoding.UTF8.GetBytes("deal_id,region,amount,status\n"),
            "bom" => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)],
            _ => Encoding.UTF8.GetBytes(text),
        };
}
