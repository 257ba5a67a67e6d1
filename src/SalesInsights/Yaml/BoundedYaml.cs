using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace SalesInsights.Yaml;

/// <summary>
/// YamlDotNet's node model fed through a counter that refuses, at the alias or node where it happens, a document that would expand to
/// more than <see cref="MaxNodes"/> nodes (an alias bomb: a few lines of aliases that expand to billions of
/// values) or nest deeper than <see cref="MaxDepth"/>. The refusal is a <see cref="YamlException"/> with a mark, so
/// <see cref="YamlText"/> reports it like any other YAML error, at its line.
/// </summary>
internal static class BoundedYaml
{
    /// <summary>The most nodes a document may stand for once its aliases are expanded: far beyond any real front matter or chart.</summary>
    public const int MaxNodes = 10_000;

    /// <summary>The deepest nesting of lists and maps.</summary>
    public const int MaxDepth = 64;

    public static YamlStream Load(string yaml)
    {
        var stream = new YamlStream();
        stream.Load(new Counting(new Parser(new StringReader(yaml))));
        return stream;
    }

    /// <summary>Passes the parser's events on, keeping the expanded size of every open collection and anchor.</summary>
    private sealed class Counting(IParser inner) : IParser
    {
        private readonly Dictionary<string, long> _anchors = new(StringComparer.Ordinal);
        private readonly Stack<(string? Anchor, long Size)> _open = new();

        public ParsingEvent? Current => inner.Current;

        public bool MoveNext()
        {
            if (!inner.MoveNext())
            {
                return false;
            }
            switch (inner.Current)
            {
                case DocumentStart:
                    _anchors.Clear();
                    _open.Clear();
                    break;
                case Scalar scalar:
                    Add(1, scalar.Anchor, scalar);
                    break;
                case NodeEvent start when start is SequenceStart or MappingStart:
                    if (_open.Count == MaxDepth)
                    {
                        throw new YamlException(start.Start, start.End, $"lists and maps nest deeper than {MaxDepth} levels");
                    }
                    _open.Push((start.Anchor.IsEmpty ? null : start.Anchor.Value, 1));
                    break;
                case SequenceEnd or MappingEnd when _open.Count > 0:
                    var (anchor, size) = _open.Pop();
                    Add(size, anchor is null ? AnchorName.Empty : new AnchorName(anchor), inner.Current);
                    break;
                case AnchorAlias alias:
                    Add(_anchors.GetValueOrDefault(alias.Value.Value, 1), AnchorName.Empty, alias);
                    break;
            }
            return true;
        }

        private void Add(long size, AnchorName anchor, ParsingEvent at)
        {
            if (!anchor.IsEmpty)
            {
                _anchors[anchor.Value] = size;
            }
            if (_open.TryPop(out var parent))
            {
                parent.Size += size;
                _open.Push(parent);
                size = parent.Size;
            }
            if (size > MaxNodes)
            {
                throw new YamlException(at.Start, at.End, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"aliases here expand the YAML to more than {MaxNodes:N0} values (an alias bomb?); write the values out instead"));
            }
        }
    }
}
