using System.Collections.Immutable;
using SalesInsights.Pipeline;
using SalesInsights.Tests.Support;

namespace SalesInsights.Tests.Pipeline;

/// <summary>The session cache in a small engine of its own: reuse when nothing changed, never when something did.</summary>
public sealed class BuildSessionTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>Emits one document per text, as a fresh instance each build (like reading files).</summary>
    private sealed class EmitTexts(params string[] texts) : IModule
    {
        public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context, CancellationToken cancellationToken) =>
            Task.FromResult<ImmutableArray<Document>>([.. texts.Select((t, i) => Document.FromText($"doc{i}.md", null, new string(t.AsSpan())))]);
    }

    /// <summary>Appends the text of a file and the stamp of a service; warns on documents containing "warn".</summary>
    private sealed class Decorate(string? file) : ForEachDocument
    {
        protected override bool IsCacheable => true;

        protected override Document? Execute(Document input, IExecutionContext context)
        {
            var text = input.Text + "|" + context.Get<Settings>().Suffix;
            if (file is not null)
            {
                context.ReadsFile(file);
                text += "|" + File.ReadAllText(file);
            }
            if (input.Text.Contains("warn", StringComparison.Ordinal))
            {
                context.Diagnostics.Report(Diagnostic.Warning("T001", "a warning", input.Source!));
            }
            return input.WithText(text);
        }
    }

    /// <summary>A record service: compared by value.</summary>
    private sealed record Settings(string Suffix);

    /// <summary>A stamped service: compared by its stamp.</summary>
    private sealed class Stamped(string stamp) : IStamped
    {
        public string Stamp { get; } = stamp;
    }

    private sealed class ReadStamped : ForEachDocument
    {
        protected override bool IsCacheable => true;

        protected override Document? Execute(Document input, IExecutionContext context) => input.WithText(input.Text + "|" + context.Get<Stamped>().Stamp);
    }

    /// <summary>A service that is neither stamped nor a record: only the same instance counts as unchanged.</summary>
    private sealed class Opaque
    {
        public string Value { get; init; } = "";
    }

    private sealed class ReadOpaque : ForEachDocument
    {
        protected override bool IsCacheable => true;

        protected override Document? Execute(Document input, IExecutionContext context) => input.WithText(input.Text + "|" + context.Get<Opaque>().Value);
    }

    private sealed class ReadOtherPipeline : ForEachDocument
    {
        protected override bool IsCacheable => true;

        protected override Document? Execute(Document input, IExecutionContext context) =>
            input.WithText(input.Text + "|" + context.OutputsOf("other").Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<EngineResult> RunAsync(BuildSession session, IModule[] process, params object[] services)
    {
        var pipelines = new[]
        {
            new SalesInsights.Pipeline.Pipeline("other") { Input = [new EmitTexts("x")] },
            new SalesInsights.Pipeline.Pipeline("main") { Dependencies = ["other"], Input = [new EmitTexts("a", "b warn")], Process = [.. process] },
        };
        return await new Engine(pipelines, services, session).RunAsync(CancellationToken.None);
    }

    private static string[] Texts(EngineResult result) => [.. result.Outputs["main"].Select(d => d.Text)];

    [Fact]
    public async Task Given_nothing_changed_when_built_again_then_every_result_is_reused_with_its_diagnostics()
    {
        var session = new BuildSession();
        var file = _folder.PathOf("data.csv");
        File.WriteAllText(file, "1");

        var first = await RunAsync(session, [new Decorate(file)], new Settings("s"));
        var second = await RunAsync(session, [new Decorate(file)], new Settings("s"));

        Assert.Equal(2, session.Builds);
        Assert.Equal(0, session.LastBuild.Executed(nameof(Decorate)));
        Assert.Equal(2, session.LastBuild.Reused(nameof(Decorate)));
        Assert.Equal(Texts(first), Texts(second));
        Assert.Contains(second.Diagnostics.ToSortedArray(), d => d.Code == "T001" && d.Path == "doc1.md");
    }

    [Fact]
    public async Task Given_a_file_a_result_read_when_it_changes_then_the_result_is_computed_again()
    {
        var session = new BuildSession();
        var file = _folder.PathOf("data.csv");
        File.WriteAllText(file, "1");
        await RunAsync(session, [new Decorate(file)], new Settings("s"));

        File.WriteAllText(file, "2");
        var second = await RunAsync(session, [new Decorate(file)], new Settings("s"));

        Assert.Equal(2, session.LastBuild.Executed(nameof(Decorate)));
        Assert.Equal(["a|s|2", "b warn|s|2"], Texts(second));
    }

    [Fact]
    public async Task Given_a_record_service_when_its_values_change_then_results_that_read_it_are_computed_again()
    {
        var session = new BuildSession();
        await RunAsync(session, [new Decorate(null)], new Settings("s"));

        var same = await RunAsync(session, [new Decorate(null)], new Settings("s"));
        Assert.Equal(0, session.LastBuild.Executed(nameof(Decorate)));
        var changed = await RunAsync(session, [new Decorate(null)], new Settings("t"));

        Assert.Equal(2, session.LastBuild.Executed(nameof(Decorate)));
        Assert.Equal(["a|s", "b warn|s"], Texts(same));
        Assert.Equal(["a|t", "b warn|t"], Texts(changed));
    }

    [Fact]
    public async Task Given_a_stamped_service_when_its_stamp_changes_then_results_that_read_it_are_computed_again()
    {
        var session = new BuildSession();
        await RunAsync(session, [new ReadStamped()], new Stamped("1"));
        await RunAsync(session, [new ReadStamped()], new Stamped("1"));
        Assert.Equal(2, session.LastBuild.Reused(nameof(ReadStamped)));

        var changed = await RunAsync(session, [new ReadStamped()], new Stamped("2"));

        Assert.Equal(2, session.LastBuild.Executed(nameof(ReadStamped)));
        Assert.Equal(["a|2", "b warn|2"], Texts(changed));
    }

    [Fact]
    public async Task Given_an_unstamped_service_when_a_new_instance_is_registered_then_nothing_is_reused()
    {
        var session = new BuildSession();
        await RunAsync(session, [new ReadOpaque()], new Opaque { Value = "1" });

        var second = await RunAsync(session, [new ReadOpaque()], new Opaque { Value = "2" });

        Assert.Equal(2, session.LastBuild.Executed(nameof(ReadOpaque)));
        Assert.Equal(["a|2", "b warn|2"], Texts(second));
    }

    [Fact]
    public async Task Given_a_module_that_reads_another_pipeline_when_built_again_then_it_is_never_reused()
    {
        var session = new BuildSession();
        await RunAsync(session, [new ReadOtherPipeline()]);

        await RunAsync(session, [new ReadOtherPipeline()]);

        Assert.Equal(2, session.LastBuild.Executed(nameof(ReadOtherPipeline)));
    }

    [Fact]
    public async Task Given_no_session_when_built_then_modules_run_as_before()
    {
        var pipelines = new[] { new SalesInsights.Pipeline.Pipeline("main") { Input = [new EmitTexts("a")], Process = [new Decorate(null)] } };

        var result = await new Engine(pipelines, [new Settings("s")]).RunAsync(CancellationToken.None);

        Assert.Equal(["a|s"], result.Outputs["main"].Select(d => d.Text));
    }

    [Fact]
    public void Given_the_same_sources_when_derived_again_then_last_builds_instance_comes_back()
    {
        using var session = new BuildSession();
        var source = Document.FromText("a.md", null, "a");
        var made = 0;
        Document Make() { made++; return source.With("n", 1); }

        var first = session.Derive("k", [source, "x", ImmutableArray.Create("t1", "t2")], Make);
        var second = session.Derive("k", [source, "x", ImmutableArray.Create("t1", "t2")], Make);

        Assert.Same(first, second);
        Assert.Equal(1, made);
    }

    [Fact]
    public void Given_an_equal_but_different_document_or_a_changed_value_when_derived_then_a_new_value_is_made()
    {
        using var session = new BuildSession();
        var source = Document.FromText("a.md", null, "a");
        var first = session.Derive("k", [source, "x"], () => new object());

        var otherInstance = session.Derive("k", [source with { }, "x"], () => new object());
        var otherValue = session.Derive("k", [source, "y"], () => new object());
        var otherList = session.Derive("k", [source, ImmutableArray.Create("y", "z")], () => new object());

        Assert.NotSame(first, otherInstance);
        Assert.NotSame(otherInstance, otherValue);
        Assert.NotSame(otherValue, otherList);
    }

    [Fact]
    public void Given_no_session_when_a_module_derives_then_it_makes_a_new_value_each_time()
    {
        IExecutionContext context = new NoSessionContext();

        var first = context.Derive("k", () => ["x"], () => new object());
        var second = context.Derive("k", () => ["x"], () => new object());

        Assert.NotSame(first, second);
    }

    private sealed class NoSessionContext : IExecutionContext
    {
        public string PipelineName => "main";
        public Phase Phase => Phase.Process;
        public DiagnosticBag Diagnostics { get; } = new();
        public ImmutableArray<Document> OutputsOf(string pipelineName) => [];
        public T Get<T>() where T : class => throw new InvalidOperationException();
    }

    [Fact]
    public void Given_the_watcher_named_other_files_when_a_file_fact_is_asked_then_last_builds_fact_is_kept()
    {
        using var session = new BuildSession();
        var calls = 0;
        string Read() => $"read {++calls}";
        session.OfFile("/site/a.md", "text", Read);

        session.ChangedPaths = new HashSet<string>(["/site/b.md"]);
        var unchanged = session.OfFile("/site/a.md", "text", Read);
        session.ChangedPaths = new HashSet<string>(["/site/a.md"]);
        var changed = session.OfFile("/site/a.md", "text", Read);
        session.ChangedPaths = null;
        var unknown = session.OfFile("/site/a.md", "text", Read);

        Assert.Equal("read 1", unchanged);
        Assert.Equal("read 2", changed);
        Assert.Equal("read 3", unknown);
    }

    [Fact]
    public async Task Given_changed_paths_set_for_a_build_when_the_build_ends_then_they_no_longer_hold()
    {
        using var session = new BuildSession();
        session.ChangedPaths = new HashSet<string>();

        await RunAsync(session, [new Decorate(null)], new Settings("s"));

        Assert.Null(session.ChangedPaths);
    }
}
