using SalesInsights.Charts;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Charts;

/// <summary>The house style every kind shares (ChartStyle and the shapes), seen from the figure a writer gets.</summary>
public sealed class EditorialDefaultsTests
{
    private const string ByRegion = "sql: SELECT region, sum(amount) AS total FROM sales GROUP BY 1 ORDER BY 1";

    private static ChartOutcome Render(string yaml) => TestData.RenderChart(yaml);

    private static List<string> FirstColumn(ChartOutcome outcome) => [.. Svg.TableRows(outcome.Figure!.Html).Select(r => r[0].Text)];

    private static ChartProblem Problem(string yaml)
    {
        var spec = ChartSpecParser.Parse(yaml, [])!;
        var outcome = ChartRenderer.Render(spec, yaml, new ChartPlacement("c", "c.csv", "/c.csv"), TestData.SmallCatalog, null);
        return Assert.Single(outcome.Problems);
    }

    [Fact]
    public void Horizontal_bars_rank_largest_first_whatever_the_querys_order()
    {
        Assert.Equal(["EMEA", "NA", "APAC"], FirstColumn(Render($"title: T\ntype: hbar\n{ByRegion}\n")));
    }

    [Fact]
    public void Sort_none_keeps_the_querys_order()
    {
        Assert.Equal(["APAC", "EMEA", "NA"], FirstColumn(Render($"title: T\ntype: hbar\n{ByRegion}\nsort: none\n")));
    }

    [Fact]
    public void Vertical_bars_keep_the_querys_order_unless_asked_to_sort_by_value()
    {
        Assert.Equal(["APAC", "EMEA", "NA"], FirstColumn(Render($"title: T\ntype: bar\n{ByRegion}\n")));
        Assert.Equal(["EMEA", "NA", "APAC"], FirstColumn(Render($"title: T\ntype: bar\n{ByRegion}\nsort: value\n")));
    }

    [Fact]
    public void A_sort_column_orders_the_rows_and_is_neither_drawn_nor_in_the_table()
    {
        var outcome = Render("title: T\ntype: bar\nsql: SELECT region, sum(amount) AS total, max(day) AS latest FROM sales GROUP BY 1\nsort: latest\ny: total\n");
        var outcome2 = Render("title: T\ntype: bar\nsql: SELECT region, sum(amount) AS total, min(won) * 10 + count(*) AS rank FROM sales GROUP BY 1\nsort: rank\n");

        Assert.Equal(["NA", "EMEA", "APAC"], FirstColumn(outcome));
        Assert.Equal(["Region", "Total"], Svg.TableHeaders(outcome2.Figure!.Html));
        Assert.Single(Svg.TableRows(outcome2.Figure!.Html)[0].Skip(1));
    }

    [Fact]
    public void Labels_rename_categories_for_readers()
    {
        var outcome = Render($"title: T\ntype: bar\n{ByRegion}\nlabels:\n  NA: North America\n  EMEA: Europe\n");

        Assert.Equal(["APAC", "Europe", "North America"], FirstColumn(outcome));
        Assert.Contains("North America", Svg.Texts(outcome.Figure!.Html));
    }

    [Fact]
    public void A_label_for_a_category_the_query_does_not_give_is_an_error_at_labels()
    {
        var problem = Problem($"title: T\ntype: bar\n{ByRegion}\nlabels:\n  LATAM: Latin America\n");

        Assert.Equal("SI305", problem.Code);
        Assert.Contains("'LATAM'", problem.Message, StringComparison.Ordinal);
        Assert.Equal(3, problem.Position.Line);
    }

    [Fact]
    public void Categories_too_long_for_upright_bars_on_a_phone_are_laid_sideways_with_every_label()
    {
        var sql = "sql: SELECT * FROM (VALUES ('Enterprise software', 5), ('Professional services', 4), ('Hardware maintenance', 3), ('Training and certification', 2), ('Cloud subscriptions', 6), ('Support contracts', 1), ('Consulting retainers', 7)) t(product, revenue)";
        var html = Render($"title: T\ntype: bar\n{sql}\n").Figure!.Html;

        var gutter = Svg.Gutter(html)!.Descendants("text").Select(t => t.Value).ToList();
        Assert.Equal(7, Svg.Marks(Svg.Of(html), 1).Count);
        Assert.Contains("Consulting retainers", string.Join(' ', gutter), StringComparison.Ordinal);
        Assert.True(gutter.Count >= 7);
    }

    [Fact]
    public void A_line_over_text_that_reads_as_dates_is_drawn_in_calendar_order_on_a_calendar_axis()
    {
        var outcome = Render("title: T\ntype: line\nsql: SELECT * FROM (VALUES ('Mar 2025', 3), ('Jan 2025', 1), ('Feb 2025', 2)) t(month, n) ORDER BY month\n");

        Assert.Equal(["Jan 2025", "Feb 2025", "Mar 2025"], FirstColumn(outcome));
        Assert.Contains("Jan 2025", Svg.Texts(outcome.Figure!.Html));
    }

    [Fact]
    public void A_line_over_text_of_which_only_some_values_are_dates_is_an_error_at_x()
    {
        var problem = Problem("title: T\ntype: line\nsql: SELECT * FROM (VALUES ('2025-01', 1), ('2025-02', 2), ('later', 3)) t(month, n)\nx: month\n");

        Assert.Equal("SI307", problem.Code);
        Assert.Contains("'Later' is not one", problem.Message, StringComparison.Ordinal);
        Assert.Equal(3, problem.Position.Line);
    }

    [Fact]
    public void A_log_scale_puts_powers_of_ten_on_the_value_axis()
    {
        var html = Render("title: T\ntype: line\nsql: SELECT * FROM (VALUES (1, 3), (2, 40), (3, 900), (4, 12000)) t(k, v)\ny_scale: log\n").Figure!.Html;

        Assert.Equal(["1", "10", "100", "1,000", "10,000", "100,000"], Svg.Gutter(html)!.Descendants("text").Select(t => t.Value).Distinct().Take(6));
    }

    [Fact]
    public void A_log_scale_on_bars_is_an_error_at_y_scale()
    {
        var problem = Problem($"title: T\ntype: bar\n{ByRegion}\ny_scale: log\n");

        Assert.Equal("SI307", problem.Code);
        Assert.Equal(3, problem.Position.Line);
    }

    [Fact]
    public void A_log_scale_over_a_zero_is_an_error_naming_the_value()
    {
        var problem = Problem("title: T\ntype: scatter\nsql: SELECT amount, won FROM sales\ny_scale: log\n");

        Assert.Equal("SI307", problem.Code);
        Assert.Contains("is 0", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scatters_trend_on_log_axes_is_fitted_to_the_logarithms()
    {
        // y = x² is a straight line of slope 2 on log-log axes: r² is exactly 1 there, not on linear axes.
        const string Sql = "sql: SELECT * FROM (VALUES (1, 1), (10, 100), (100, 10000), (1000, 1000000)) t(x, y)\ntrend: true";
        var logLog = Svg.Legend(Render($"title: T\ntype: scatter\n{Sql}\nx_scale: log\ny_scale: log\n").Figure!.Html);
        var linear = Svg.Legend(Render($"title: T\ntype: scatter\n{Sql}\n").Figure!.Html);

        Assert.Contains("Trend (r² = 1.00)", logLog);
        Assert.DoesNotContain("Trend (r² = 1.00)", linear);
    }
}
