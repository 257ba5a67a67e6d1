using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Modules;

/// <summary>Splits each Markdown file into its YAML front matter (as metadata, positions kept) and its body.</summary>
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
        return input with
        {
            Metadata = input.Metadata
                .WithMany(frontMatter.Values)
                .With(Keys.Body, frontMatter.Body)
                .With(Keys.BodyLine, frontMatter.BodyLine)
                .With(Keys.FrontMatterLines, frontMatter.Lines),
        };
    }
}
