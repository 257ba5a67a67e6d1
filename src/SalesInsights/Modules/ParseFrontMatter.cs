using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Modules;

/// <summary>Splits each Markdown file into its front matter (YAML, TOML or JSON; as metadata, positions kept) and its body.</summary>
public sealed class ParseFrontMatter : ForEachDocument
{
    protected override bool IsCacheable => true;

    protected override Document? Execute(Document input, IExecutionContext context)
    {
        var frontMatter = FrontMatter.Parse(input.Text, out var error);
        if (error is not null)
        {
            context.Diagnostics.Report(Diagnostic.Error("SI0101", error.Message, input.Source!, error.Line, error.Column));
            return null;
        }
        // The document keeps only its front matter block (line numbers unchanged, for diagnostics that point into
        // it) and the body moves to metadata: holding the whole file beside its body doubled a large build's memory.
        var text = input.Text;
        var head = text.EndsWith(frontMatter.Body, StringComparison.Ordinal) ? text[..^frontMatter.Body.Length] : text;
        return input with
        {
            Content = new TextContent(head),
            Metadata = input.Metadata
                .WithMany(frontMatter.Values)
                .With(Keys.Body, frontMatter.Body)
                .With(Keys.BodyLine, frontMatter.BodyLine)
                .With(Keys.FrontMatterLines, frontMatter.Lines)
                .With(Keys.FrontMatterFormat, frontMatter.Format),
        };
    }
}
