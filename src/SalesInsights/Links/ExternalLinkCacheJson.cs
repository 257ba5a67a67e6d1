using System.Text.Json.Serialization;

namespace SalesInsights.Links;

/// <summary>The link cache's file format, written by generated code: a natively compiled build has no reflection-based serializer.</summary>
[JsonSourceGenerationOptions(WriteIndented = true)]
[JsonSerializable(typeof(Dictionary<string, DateTimeOffset>))]
internal sealed partial class ExternalLinkCacheJson : JsonSerializerContext;
