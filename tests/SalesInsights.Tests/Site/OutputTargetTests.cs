using SalesInsights.Site;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Site;

public sealed class OutputTargetTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Queued_pages_are_all_written_as_utf8_once_the_target_completes()
    {
        var target = new OutputTarget(_folder.Root, writesPagesEarly: true);

        foreach (var n in Enumerable.Range(0, 600))
        {
            target.Enqueue($"posts/p{n}/index.html", $"<p>Page {n} — “quoted”</p>");
        }
        var problems = await target.CompleteAsync();

        Assert.Empty(problems);
        Assert.Equal(600, target.FilesWritten);
        Assert.Equal("<p>Page 599 — “quoted”</p>", File.ReadAllText(_folder.PathOf("posts/p599/index.html")));
    }

    [Fact]
    public async Task A_page_that_cannot_be_written_is_reported_by_name_when_the_target_completes()
    {
        var target = new OutputTarget(_folder.Root, writesPagesEarly: true);
        Directory.CreateDirectory(_folder.PathOf("taken/index.html")); // a folder where the page should go

        target.Enqueue("taken/index.html", "<p>x</p>");
        target.Enqueue("fine/index.html", "<p>y</p>");
        var problems = await target.CompleteAsync();

        Assert.Contains(problems, p => p.Contains("taken/index.html", StringComparison.Ordinal));
        Assert.True(File.Exists(_folder.PathOf("fine/index.html")));
    }

    [Fact]
    public void A_target_without_a_folder_never_writes_pages_early()
    {
        Assert.False(new OutputTarget(null, writesPagesEarly: true).WritesPagesEarly);
    }
}
