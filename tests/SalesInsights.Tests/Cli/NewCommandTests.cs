using SalesInsights.Cli;
using SalesInsights.Site;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Cli;

public sealed class NewCommandTests : IDisposable
{
    private static readonly DateOnly Today = new(2024, 7, 15);

    private readonly TestSite _site = new();

    public void Dispose() => _site.Dispose();

    private async Task<(int Exit, string Output, string Errors)> NewPostAsync(string title, params string[] tags)
    {
        var output = new StringWriter();
        var errors = new StringWriter();
        var exit = await NewCommand.RunAsync(new NewPostOptions(title, tags, _site.Input, Today), output, errors, CancellationToken.None);
        return (exit, output.ToString(), errors.ToString());
    }

    [Fact]
    public async Task A_new_post_is_a_draft_named_after_its_title_with_front_matter_filled_in()
    {
        var (exit, output, _) = await NewPostAsync("Quota: the \"real\" cost", "quota", "careers");

        Assert.Equal(ExitCodes.Success, exit);
        var path = Path.Combine(_site.Input, "posts", "quota-the-real-cost.md");
        Assert.Contains("quota-the-real-cost.md", output, StringComparison.Ordinal);
        Assert.Equal(
            "---\n" +
            "title: \"Quota: the \\\"real\\\" cost\"\n" +
            "date: 2024-07-15\n" +
            "author: Test Author\n" +
            "tags: [quota, careers]\n" +
            "draft: true\n" +
            $"summary: \"{PostScaffold.SummaryPlaceholder}\"\n" +
            "---\n\n" +
            "Start with the claim, then show the numbers that support it.\n",
            await File.ReadAllTextAsync(path));
    }

    [Fact]
    public async Task The_new_post_builds_as_a_draft_and_stays_out_of_a_published_build()
    {
        await NewPostAsync("Selling to engineers", "engineers", "Yes", "3.5");

        var preview = await _site.BuildAsync(drafts: true, dryRun: true);
        var production = await _site.BuildAsync(dryRun: true);

        Assert.True(preview.Succeeded, string.Join('\n', preview.Diagnostics));
        var post = Assert.Single(preview.Outputs[SitePipelines.Posts]);
        Assert.Equal("Selling to engineers", post.Get<string>(Keys.Title));
        Assert.Equal(["engineers", "Yes", "3.5"], post.Get<System.Collections.Immutable.ImmutableArray<string>>(Keys.Tags).ToArray());
        Assert.Empty(production.Outputs[SitePipelines.Posts]);
    }

    [Fact]
    public async Task An_existing_file_is_never_overwritten()
    {
        _site.Write("input/posts/the-quota-bargain.md", "the writer's work\n");

        var (exit, output, errors) = await NewPostAsync("The quota bargain");

        Assert.Equal(ExitCodes.ContentErrors, exit);
        Assert.Equal("the writer's work\n", await File.ReadAllTextAsync(_site.PathOf("input/posts/the-quota-bargain.md")));
        Assert.Contains("the-quota-bargain.md already exists", errors, StringComparison.Ordinal);
        Assert.Empty(output);
    }

    [Fact]
    public async Task A_title_without_letters_or_digits_is_a_usage_error()
    {
        var (exit, _, errors) = await NewPostAsync("?!");

        Assert.Equal(ExitCodes.Usage, exit);
        Assert.Contains("cannot make a file name", errors, StringComparison.Ordinal);
    }

    [Fact]
    public void The_command_line_takes_the_title_tags_and_input_folder()
    {
        var result = CliApp.Create().Parse(["new", "post", "A title", "--tags", "a, b,,a", "--input", "site/input"]);

        Assert.Empty(result.Errors);
        Assert.Equal(["a", "b"], NewCommand.SplitTags("a, b,,a"));
    }
}
