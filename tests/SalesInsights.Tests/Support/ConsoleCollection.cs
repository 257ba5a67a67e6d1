namespace SalesInsights.Tests.Support;

/// <summary>Tests that redirect the process's console run one at a time.</summary>
[CollectionDefinition("Console", DisableParallelization = true)]
public sealed class ConsoleCollection;
