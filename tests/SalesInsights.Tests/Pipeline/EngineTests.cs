using System.Collections.Immutable;
using SalesInsights.Pipeline;

namespace SalesInsights.Tests.Pipeline;

public sealed class EngineTests
{
    private sealed class Emit(params string[] texts) : IModule
    {
        public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context, CancellationToken cancellationToken) =>
            Task.FromResult<ImmutableArray<Document>>([.. inputs, .. texts.Select(t => Document.FromText(null, null, t))]);
    }

    private sealed class Upper : ForEachDocument
    {
        protected override Document? Execute(Document input, IExecutionContext context) => input.WithText(input.Text.ToUpperInvariant());
    }

    private sealed class CopyFrom(string pipeline) : IModule
    {
        public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context, CancellationToken cancellationToken) =>
            Task.FromResult<ImmutableArray<Document>>([.. inputs, .. context.OutputsOf(pipeline)]);
    }

    private sealed class Fail : IModule
    {
        public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("boom");
    }

    private sealed class Record(List<string> log, string name) : IModule
    {
        public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context, CancellationToken cancellationToken)
        {
            lock (log)
            {
                log.Add($"{name}:{context.Phase}");
            }
            return Task.FromResult(inputs);
        }
    }

    [Fact]
    public async Task Documents_flow_through_the_modules_of_each_phase_in_order()
    {
        var engine = new Engine([new("p") { Input = [new Emit("a", "b")], Process = [new Upper()] }], []);
        var result = await engine.RunAsync(CancellationToken.None);
        Assert.Equal(["A", "B"], result.Outputs["p"].Select(d => d.Text));
    }

    [Fact]
    public async Task A_process_phase_reads_the_process_results_of_its_dependency()
    {
        var engine = new Engine(
        [
            new("listing") { Dependencies = ["posts"], Process = [new CopyFrom("posts")] },
            new("posts") { Input = [new Emit("x")], Process = [new Upper()] },
        ], []);
        var result = await engine.RunAsync(CancellationToken.None);
        Assert.Equal(["X"], result.Outputs["listing"].Select(d => d.Text));
    }

    [Fact]
    public async Task Reading_a_pipeline_without_depending_on_it_is_reported_as_a_failure()
    {
        var engine = new Engine([new("a") { Process = [new CopyFrom("b")] }, new("b")], []);
        var result = await engine.RunAsync(CancellationToken.None);
        var diagnostic = Assert.Single(result.Diagnostics.ToSortedArray());
        Assert.Contains("without depending on it", diagnostic.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_process_starts_only_after_every_process_phase_and_output_after_every_post_process()
    {
        var log = new List<string>();
        var engine = new Engine(
        [
            new("a") { Process = [new Record(log, "a")], PostProcess = [new Record(log, "a")], Output = [new Record(log, "a")] },
            new("b") { Process = [new Record(log, "b")], PostProcess = [new Record(log, "b")], Output = [new Record(log, "b")] },
        ], []);
        await engine.RunAsync(CancellationToken.None);
        var lastProcess = log.FindLastIndex(e => e.EndsWith(":Process", StringComparison.Ordinal));
        var firstPost = log.FindIndex(e => e.EndsWith(":PostProcess", StringComparison.Ordinal));
        var lastPost = log.FindLastIndex(e => e.EndsWith(":PostProcess", StringComparison.Ordinal));
        var firstOutput = log.FindIndex(e => e.EndsWith(":Output", StringComparison.Ordinal));
        Assert.True(lastProcess < firstPost, string.Join(", ", log));
        Assert.True(lastPost < firstOutput, string.Join(", ", log));
    }

    [Fact]
    public async Task A_failing_module_becomes_a_diagnostic_and_the_other_pipelines_still_run()
    {
        var engine = new Engine([new("bad") { Process = [new Fail()] }, new("good") { Input = [new Emit("ok")] }], []);
        var result = await engine.RunAsync(CancellationToken.None);
        Assert.True(result.Diagnostics.HasErrors);
        Assert.Contains("boom", Assert.Single(result.Diagnostics.ToSortedArray()).Message, StringComparison.Ordinal);
        Assert.Equal(["ok"], result.Outputs["good"].Select(d => d.Text));
    }

    [Fact]
    public void Pipelines_that_depend_on_each_other_in_a_cycle_are_refused()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new Engine([new("a") { Dependencies = ["b"] }, new("b") { Dependencies = ["a"] }], []));
        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dependency_on_an_unknown_pipeline_is_refused()
    {
        Assert.Throws<InvalidOperationException>(() => new Engine([new("a") { Dependencies = ["nope"] }], []));
    }

    [Fact]
    public async Task Independent_pipelines_run_concurrently()
    {
        var gate = new TaskCompletionSource();
        var engine = new Engine(
        [
            new("waits") { Process = [new Await(gate.Task)] },
            new("releases") { Process = [new Release(gate)] },
        ], []);
        var run = engine.RunAsync(CancellationToken.None);
        Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(10))));
    }

    [Fact]
    public async Task What_the_input_phase_read_can_be_collected_once_the_first_process_module_has_replaced_it()
    {
        var read = new List<WeakReference>();
        var stillReachable = new List<bool>();
        var engine = new Engine([new("p") { Input = [new EmitTracked(read)], Process = [new Upper(), new CollectAndCheck(read, stillReachable)] }], []);

        var result = await engine.RunAsync(CancellationToken.None);

        Assert.Equal(["A"], result.Outputs["p"].Select(d => d.Text));
        Assert.Equal([false], stillReachable);
    }

    /// <summary>Emits one document and remembers it only weakly.</summary>
    private sealed class EmitTracked(List<WeakReference> read) : IModule
    {
        public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context, CancellationToken cancellationToken)
        {
            var document = Document.FromText("a.md", null, "a");
            read.Add(new WeakReference(document));
            return Task.FromResult<ImmutableArray<Document>>([document]);
        }
    }

    private sealed class CollectAndCheck(List<WeakReference> read, List<bool> stillReachable) : IModule
    {
        public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context, CancellationToken cancellationToken)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            stillReachable.AddRange(read.Select(r => r.IsAlive));
            return Task.FromResult(inputs);
        }
    }

    private sealed class Await(Task task) : IModule
    {
        public async Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context, CancellationToken cancellationToken)
        {
            await task.WaitAsync(cancellationToken);
            return inputs;
        }
    }

    private sealed class Release(TaskCompletionSource gate) : IModule
    {
        public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context, CancellationToken cancellationToken)
        {
            gate.TrySetResult();
            return Task.FromResult(inputs);
        }
    }
}
