using BenchmarkDotNet.Running;
using SalesInsights.Benchmarks;
using SalesInsights.Html;

// `--verify-links DIR`: read every page of a built site with the fast scanner and with the DOM, and list differences.
if (args is ["--verify-links", var directory])
{
    var differences = 0;
    var pages = Directory.EnumerateFiles(directory, "*.html", SearchOption.AllDirectories).ToList();
    foreach (var page in pages)
    {
        var html = File.ReadAllText(page);
        var fast = HtmlLinks.Read(html);
        var dom = HtmlDomLinks.Read(html);
        static string Key(HtmlLink l) => $"{l.Element} {l.Url} {l.Line}:{l.Column}";
        var a = fast.Links.Select(Key).Order(StringComparer.Ordinal).ToList();
        var b = dom.Links.Select(Key).Order(StringComparer.Ordinal).ToList();
        if (!a.SequenceEqual(b) || !fast.Ids.SetEquals(dom.Ids))
        {
            differences++;
            Console.WriteLine($"{page}: scanner {a.Count} links / {fast.Ids.Count} ids, DOM {b.Count} links / {dom.Ids.Count} ids; first difference: {a.Except(b).Concat(b.Except(a)).FirstOrDefault()}");
        }
    }
    Console.WriteLine($"{pages.Count} pages read both ways, {differences} with differences");
    return differences == 0 ? 0 : 1;
}

BenchmarkSwitcher.FromAssembly(typeof(Corpus).Assembly).Run(args);
return 0;
