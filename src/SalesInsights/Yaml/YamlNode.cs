using System.Collections.Immutable;

namespace SalesInsights.Yaml;

/// <summary>
/// A YAML value with where it was written (1-based line and column within the YAML text), so every reader of front
/// matter, site.yml and chart, KPI and data-note blocks can put a diagnostic on the writer's key or value.
/// </summary>
public abstract record YamlNode(int Line, int Column);

/// <summary>A scalar. <paramref name="Plain"/> is false for quoted and block scalars, which are always text.</summary>
public sealed record YamlScalar(string Value, bool Plain, int Line, int Column) : YamlNode(Line, Column);

public sealed record YamlList(ImmutableArray<YamlNode> Items, int Line, int Column) : YamlNode(Line, Column);

/// <summary>A mapping, its entries in the order written (a key given twice appears twice).</summary>
public sealed record YamlMap(ImmutableArray<YamlEntry> Entries, int Line, int Column) : YamlNode(Line, Column);

/// <summary>One entry of a mapping. <see cref="Name"/> is the key's text, or null when the key is not a scalar.</summary>
public sealed record YamlEntry(YamlNode Key, YamlNode Value)
{
    public string? Name => (Key as YamlScalar)?.Value;
}

/// <summary>Why YAML could not be read, at the 1-based line and column where the writer should look.</summary>
public sealed record YamlError(int Line, int Column, string Message);
