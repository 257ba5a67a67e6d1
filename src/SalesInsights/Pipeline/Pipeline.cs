using System.Collections.Immutable;

namespace SalesInsights.Pipeline;

/// <summary>A named list of modules per phase, plus the pipelines whose process results it reads.</summary>
public sealed record Pipeline(string Name)
{
    public ImmutableArray<string> Dependencies { get; init; } = [];
    public ImmutableArray<IModule> Input { get; init; } = [];
    public ImmutableArray<IModule> Process { get; init; } = [];
    public ImmutableArray<IModule> PostProcess { get; init; } = [];
    public ImmutableArray<IModule> Output { get; init; } = [];

    public ImmutableArray<IModule> ModulesOf(Phase phase) => phase switch
    {
        Phase.Input => Input,
        Phase.Process => Process,
        Phase.PostProcess => PostProcess,
        Phase.Output => Output,
        _ => throw new ArgumentOutOfRangeException(nameof(phase)),
    };
}
