namespace SalesInsights.Site;

/// <summary>
/// A way of grouping articles besides tags, declared in <c>site.yml</c> as Hugo does (<c>taxonomies: {category:
/// categories}</c>): articles name their terms under the plural key (<c>categories: [Pipeline]</c>), and each term
/// gets a page at <c>/categories/pipeline/</c>, listed on <c>/categories/</c>.
/// </summary>
public sealed record Taxonomy(string Singular, string Plural)
{
    /// <summary>What a site has without declaring any: categories, Hugo's and Jekyll's second taxonomy.</summary>
    public static readonly Taxonomy Categories = new("category", "categories");
}

/// <summary>One term of one taxonomy an article is filed under: <c>(categories, Pipeline)</c>.</summary>
public readonly record struct TaxonomyTerm(string Taxonomy, string Term);
