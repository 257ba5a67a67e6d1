using System.Collections.Immutable;
using SalesInsights.Toml;
using Tomlyn.Parsing;
using Tomlyn.Syntax;

namespace SalesInsights.Preview;

/// <summary>
/// The headers the live site sends on every response, read from <c>netlify.toml</c>'s <c>[[headers]]</c> rule for
/// <c>/*</c>, so the preview cannot drift from production: a page that breaks the Content-Security-Policy breaks
/// while it is written, not after the deploy. Two are adapted to a plain-HTTP loopback server:
/// <c>upgrade-insecure-requests</c> would send the page's own requests to https://127.0.0.1, and HSTS means nothing
/// over HTTP.
/// </summary>
public sealed class SecurityHeaders
{
    public const string FileName = "netlify.toml";

    private SecurityHeaders(ImmutableArray<KeyValuePair<string, string>> headers, string? problem)
    {
        Headers = headers;
        Problem = problem;
    }

    /// <summary>The headers to send, in the order the file gives them.</summary>
    public ImmutableArray<KeyValuePair<string, string>> Headers { get; }

    /// <summary>Why the file gave no headers (missing, unreadable, no <c>/*</c> rule), for a warning; null when it did.</summary>
    public string? Problem { get; }

    /// <summary>Reads <paramref name="siteRoot"/>/netlify.toml; without one, only <c>X-Content-Type-Options: nosniff</c> is sent.</summary>
    public static SecurityHeaders Load(string siteRoot)
    {
        var path = Path.Combine(siteRoot, FileName);
        if (!File.Exists(path))
        {
            return Fallback($"there is no {FileName} beside the input folder, so the preview sends no security headers of the live site");
        }
        var document = SyntaxParser.Parse(File.ReadAllText(path), path);
        if (document.HasErrors)
        {
            return Fallback($"{FileName} does not parse ({document.Diagnostics.FirstOrDefault()}), so the preview sends no security headers of the live site");
        }
        // [[headers]] opens a rule (with its 'for'); the [headers.values] table after it holds that rule's headers.
        string? rule = null;
        var found = ImmutableArray.CreateBuilder<KeyValuePair<string, string>>();
        foreach (var table in document.Tables)
        {
            var name = TomlFrontMatter.KeyText(table.Name);
            if (table is TableArraySyntax && name == "headers")
            {
                rule = table.Items.Where(i => TomlFrontMatter.KeyText(i.Key) == "for").Select(i => (i.Value as StringValueSyntax)?.Value).FirstOrDefault();
            }
            else if (name == "headers.values" && rule == "/*")
            {
                foreach (var item in table.Items)
                {
                    if (item.Value is StringValueSyntax { Value: { } value } && Adapt(TomlFrontMatter.KeyText(item.Key), value) is { } header)
                    {
                        found.Add(header);
                    }
                }
            }
        }
        return found.Count == 0
            ? Fallback($"{FileName} has no [[headers]] rule for \"/*\", so the preview sends no security headers of the live site")
            : new SecurityHeaders(found.ToImmutable(), null);
    }

    private static SecurityHeaders Fallback(string problem) =>
        new([new("X-Content-Type-Options", "nosniff")], problem);

    private static KeyValuePair<string, string>? Adapt(string name, string value)
    {
        if (name.Equals("Strict-Transport-Security", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }
        if (name.Equals("Content-Security-Policy", StringComparison.OrdinalIgnoreCase))
        {
            value = string.Join("; ", value.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Where(d => !d.Equals("upgrade-insecure-requests", StringComparison.OrdinalIgnoreCase)));
        }
        return new(name, value);
    }
}
