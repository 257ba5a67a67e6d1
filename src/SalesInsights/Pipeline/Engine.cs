using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;

namespace SalesInsights.Pipeline;

/// <summary>
/// Runs a set of pipelines phase by phase (see <see cref="Phase"/> for the ordering rules). Independent pipelines
/// run concurrently; a failing module is reported as a diagnostic and the rest of the build goes on, so one run
/// lists every problem.
/// </summary>
public sealed class Engine
{
    private readonly ImmutableArray<Pipeline> _pipelines;
    private readonly IReadOnlyDictionary<Type, object> _services;
    private readonly BuildSession? _session;

    /// <param name="session">Keeps per-document results between runs (the preview); null for a one-off build.</param>
    public Engine(IEnumerable<Pipeline> pipelines, IEnumerable<object> services, BuildSession? session = null)
    {
        _pipelines = [.. pipelines];
        _services = services.ToDictionary(s => s.GetType());
        _session = session;
        Validate(_pipelines);
    }

    public async Task<EngineResult> RunAsync(CancellationToken cancellationToken)
    {
        _session?.BeginBuild();
        try
        {
            return await RunPhasesAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _session?.EndBuild();
        }
    }

    private async Task<EngineResult> RunPhasesAsync(CancellationToken cancellationToken)
    {
        var run = new Run(this, cancellationToken);
        var total = Stopwatch.StartNew();

        var process = new Dictionary<string, Task>(StringComparer.Ordinal);
        foreach (var pipeline in TopologicalOrder(_pipelines))
        {
            var dependencies = pipeline.Dependencies.Select(d => process[d]).ToArray();
            process[pipeline.Name] = Task.Run(async () =>
            {
                // The input goes through Results, not a local: this lambda's state machine would hold a local until
                // the process phase ends, and with it every file as read (~150 MB of article text at 10,000 articles).
                run.Results[(pipeline.Name, Phase.Input)] = await run.ExecutePhaseAsync(pipeline, Phase.Input, []).ConfigureAwait(false);
                await Task.WhenAll(dependencies).ConfigureAwait(false);
                run.Results[(pipeline.Name, Phase.Process)] = await run.ExecuteProcessPhaseAsync(pipeline).ConfigureAwait(false);
            }, cancellationToken);
        }
        await Task.WhenAll(process.Values).ConfigureAwait(false);

        await Task.WhenAll(_pipelines.Select(p => Task.Run(async () =>
            run.Results[(p.Name, Phase.PostProcess)] = await run.ExecutePhaseAsync(p, Phase.PostProcess, run.Results[(p.Name, Phase.Process)]).ConfigureAwait(false),
            cancellationToken))).ConfigureAwait(false);

        // Nothing reads process results after post-process (output modules see post-process results): let them go,
        // which frees e.g. every article's rendered Markdown before the pages are written (a third of a large build's memory).
        foreach (var pipeline in _pipelines)
        {
            run.Results.TryRemove((pipeline.Name, Phase.Process), out _);
        }

        await Task.WhenAll(_pipelines.Select(p => Task.Run(async () =>
            run.Results[(p.Name, Phase.Output)] = await run.ExecutePhaseAsync(p, Phase.Output, run.Results[(p.Name, Phase.PostProcess)]).ConfigureAwait(false),
            cancellationToken))).ConfigureAwait(false);

        return new EngineResult(
            _pipelines.ToImmutableDictionary(p => p.Name, p => run.Results[(p.Name, Phase.Output)], StringComparer.Ordinal),
            run.Diagnostics,
            [.. run.Timings.OrderBy(t => t.Pipeline, StringComparer.Ordinal).ThenBy(t => t.Phase)],
            total.Elapsed);
    }

    private static void Validate(ImmutableArray<Pipeline> pipelines)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pipeline in pipelines)
        {
            if (!names.Add(pipeline.Name))
            {
                throw new InvalidOperationException($"Two pipelines are named '{pipeline.Name}'.");
            }
        }
        foreach (var pipeline in pipelines)
        {
            foreach (var dependency in pipeline.Dependencies.Where(d => !names.Contains(d)))
            {
                throw new InvalidOperationException($"Pipeline '{pipeline.Name}' depends on unknown pipeline '{dependency}'.");
            }
        }
        _ = TopologicalOrder(pipelines);
    }

    /// <summary>Dependencies before dependents; throws on a cycle, which is a mistake in the site's declaration.</summary>
    private static List<Pipeline> TopologicalOrder(ImmutableArray<Pipeline> pipelines)
    {
        var byName = pipelines.ToDictionary(p => p.Name, StringComparer.Ordinal);
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: visiting, true: done
        var order = new List<Pipeline>(pipelines.Length);
        void Visit(Pipeline p, string path)
        {
            if (state.TryGetValue(p.Name, out var done))
            {
                if (!done)
                {
                    throw new InvalidOperationException($"Pipelines depend on each other in a cycle: {path} -> {p.Name}.");
                }
                return;
            }
            state[p.Name] = false;
            foreach (var d in p.Dependencies)
            {
                Visit(byName[d], $"{path} -> {p.Name}");
            }
            state[p.Name] = true;
            order.Add(p);
        }
        foreach (var p in pipelines)
        {
            Visit(p, "");
        }
        return order;
    }

    private static HashSet<string> TransitiveDependencies(Pipeline pipeline, IReadOnlyDictionary<string, Pipeline> byName)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var stack = new Stack<string>(pipeline.Dependencies);
        while (stack.TryPop(out var name))
        {
            if (seen.Add(name))
            {
                foreach (var d in byName[name].Dependencies)
                {
                    stack.Push(d);
                }
            }
        }
        return seen;
    }

    /// <summary>The state of one build: phase results, diagnostics and timings.</summary>
    private sealed class Run(Engine engine, CancellationToken cancellationToken)
    {
        private readonly Dictionary<string, Pipeline> _byName = engine._pipelines.ToDictionary(p => p.Name, StringComparer.Ordinal);

        public ConcurrentDictionary<(string Pipeline, Phase Phase), ImmutableArray<Document>> Results { get; } = new();
        public DiagnosticBag Diagnostics { get; } = new();
        public ConcurrentBag<ModuleTiming> Timings { get; } = [];

        public Task<ImmutableArray<Document>> ExecuteProcessPhaseAsync(Pipeline pipeline) =>
            ExecutePhaseAsync(pipeline, Phase.Process, Results.TryRemove((pipeline.Name, Phase.Input), out var input) ? input : []);

        public async Task<ImmutableArray<Document>> ExecutePhaseAsync(Pipeline pipeline, Phase phase, ImmutableArray<Document> documents)
        {
            // Modules mostly finish synchronously, so without this the whole process phase would run inside its
            // callers' frames, and their copies of the files as read would stay reachable until the phase ends, long
            // after the first module has replaced them. Past the yield only `documents` holds them.
            if (phase == Phase.Process)
            {
                await Task.Yield();
            }
            var context = new Context(this, pipeline, phase);
            foreach (var module in pipeline.ModulesOf(phase))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var watch = Stopwatch.StartNew();
                try
                {
                    documents = await module.ExecuteAsync(documents, context, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    Diagnostics.Report(Diagnostic.Error(DiagnosticBag.ModuleFailure, $"{module.GetType().Name} failed in pipeline '{pipeline.Name}': {e.Message}", "(build)"));
                    documents = [];
                }
                Timings.Add(new ModuleTiming(pipeline.Name, phase, module.GetType().Name, watch.Elapsed, documents.Length));
            }
            return documents;
        }

        private sealed class Context(Run run, Pipeline pipeline, Phase phase) : IExecutionContext
        {
            private HashSet<string>? _readable;

            public string PipelineName => pipeline.Name;
            public Phase Phase => phase;
            public DiagnosticBag Diagnostics => run.Diagnostics;
            public BuildSession? Session => run._session;

            public ImmutableArray<Document> OutputsOf(string pipelineName)
            {
                if (!run._byName.ContainsKey(pipelineName))
                {
                    throw new InvalidOperationException($"There is no pipeline named '{pipelineName}'.");
                }
                switch (phase)
                {
                    case Phase.Input:
                        throw new InvalidOperationException("Input modules cannot read other pipelines.");
                    case Phase.Process:
                        _readable ??= TransitiveDependencies(pipeline, run._byName);
                        if (!_readable.Contains(pipelineName))
                        {
                            throw new InvalidOperationException($"Pipeline '{pipeline.Name}' reads '{pipelineName}' in its process phase without depending on it.");
                        }
                        return run.Results[(pipelineName, Phase.Process)];
                    case Phase.PostProcess:
                        return run.Results[(pipelineName, Phase.Process)];
                    default:
                        return run.Results[(pipelineName, Phase.PostProcess)];
                }
            }

            public T Get<T>() where T : class =>
                TryGet<T>() ?? throw new InvalidOperationException($"No service of type {typeof(T).Name} was registered with the engine.");

            public T? TryGet<T>() where T : class =>
                run._services.TryGetValue(typeof(T), out var service) ? (T)service : run._services.Values.OfType<T>().FirstOrDefault();
        }

        private readonly IReadOnlyDictionary<Type, object> _services = engine._services;
        private readonly BuildSession? _session = engine._session;
    }
}

/// <summary>How long one module took in one phase of one pipeline.</summary>
public sealed record ModuleTiming(string Pipeline, Phase Phase, string Module, TimeSpan Elapsed, int Documents);

/// <summary>The final documents of each pipeline, everything reported, and where the time went.</summary>
public sealed record EngineResult(
    ImmutableDictionary<string, ImmutableArray<Document>> Outputs,
    DiagnosticBag Diagnostics,
    ImmutableArray<ModuleTiming> Timings,
    TimeSpan Elapsed);
