namespace SalesInsights.Templates;

/// <summary>HTML the build produced itself (rendered Markdown, charts, partials): the one kind of value templates print unescaped.</summary>
public sealed record TrustedHtml(string Html)
{
    public override string ToString() => Html;
}
