using Markdig.Extensions.Tables;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace SalesInsights.Markdown.Tables;

/// <summary>
/// Tables scroll sideways inside their own focusable region on narrow screens, so a keyboard user can scroll them
/// too; column alignment becomes a class, because Markdig's inline <c>style</c> would be blocked by the site's
/// Content-Security-Policy.
/// </summary>
public sealed class WrapTables : HtmlTableRenderer
{
    /// <summary>Turns column alignments into <c>align-left|center|right</c> classes on every cell, before rendering.</summary>
    public static void MoveAlignmentToClasses(MarkdownNodes nodes)
    {
        foreach (var table in nodes.Blocks<Table>())
        {
            foreach (var row in table.OfType<TableRow>())
            {
                for (var i = 0; i < row.Count; i++)
                {
                    if (row[i] is TableCell cell)
                    {
                        var column = cell.ColumnIndex >= 0 ? cell.ColumnIndex : i;
                        if (column < table.ColumnDefinitions.Count && table.ColumnDefinitions[column].Alignment is { } alignment)
                        {
                            cell.GetAttributes().AddClass("align-" + alignment.ToString().ToLowerInvariant());
                        }
                    }
                }
            }
            foreach (var column in table.ColumnDefinitions)
            {
                column.Alignment = null;
            }
        }
    }

    protected override void Write(HtmlRenderer renderer, Table table)
    {
        renderer.Write("<div class=\"table-wrap\" role=\"region\" tabindex=\"0\" aria-label=\"Table\">");
        base.Write(renderer, table);
        renderer.WriteLine("</div>");
    }
}
