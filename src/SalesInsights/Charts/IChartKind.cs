using SalesInsights.Charts.Drawing;

namespace SalesInsights.Charts;

/// <summary>
/// One kind of chart (bar, line, pie...): which query results it accepts, how it turns them into the numbers it
/// draws, how it draws them and how it says in words what it shows. Kinds are listed in <see cref="ChartKinds"/>.
/// </summary>
public interface IChartKind
{
    /// <summary>The name writers use after <c>type:</c>.</summary>
    string Name { get; }

    /// <summary>What a reader calls it, for alt text: "Bar chart".</summary>
    string Noun { get; }

    /// <summary>Checks the query's columns against what this kind needs and returns the table to draw, or null after reporting why not.</summary>
    ChartTable? Shape(ChartInput input);

    /// <summary>Draws the table on a new canvas with the house style of <see cref="ChartStyle"/>, a <c>&lt;title&gt;</c> with its exact value on every mark.</summary>
    ChartCanvas Draw(ChartTable table, ChartSpec spec);

    /// <summary>A sentence for readers who cannot see the chart, naming its extremes.</summary>
    string Describe(ChartTable table, ChartSpec spec);

    /// <summary>Whether the value axis is horizontal (bars grow sideways), so a target line is drawn vertically.</summary>
    bool ValuesHorizontal => false;

    /// <summary>Whether a <c>target:</c> marks a value of the x axis (a histogram's 100%) rather than of the counts.</summary>
    bool TargetOnCategoryAxis => false;

    /// <summary>Whether rows are drawn largest first unless the writer says <c>sort: none</c> (rankings, shares of a whole).</summary>
    bool SortsByValue => false;

    /// <summary>Whether <c>x_scale: log</c> or <c>y_scale: log</c> suits this kind (lines and points; bars need a zero).</summary>
    bool AllowsLogScale => false;

    /// <summary>Whether a <c>target:</c> line makes sense on this kind.</summary>
    bool HasValueAxis => true;
}
