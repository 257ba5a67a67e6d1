using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SalesInsights.Preview;

/// <summary>What a preview page's script is told at load time: which server session and build it came from.</summary>
public sealed record PageState(string Session, int Generation, string File);

/// <summary>The first event on a connection.</summary>
public sealed record HelloMessage(string Session, int Generation);

/// <summary>Stylesheets to swap in place instead of reloading the page.</summary>
public sealed record CssMessage(int Generation, ImmutableArray<CssSwap> Swaps);

public sealed record CssSwap(string From, string To);

/// <summary>Pages to reload: <see cref="Files"/>, or every page when <see cref="All"/>.</summary>
public sealed record ReloadMessage(int Generation, bool All, ImmutableArray<string> Files);

/// <summary>The error overlay's HTML.</summary>
public sealed record ErrorsMessage(string Html);

/// <summary>
/// The preview's JSON, written by generated code rather than reflection: a natively compiled build has no
/// reflection-based serializer, and the script reads these names in camelCase.
/// </summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase)]
[JsonSerializable(typeof(PageState))]
[JsonSerializable(typeof(HelloMessage))]
[JsonSerializable(typeof(CssMessage))]
[JsonSerializable(typeof(ReloadMessage))]
[JsonSerializable(typeof(ErrorsMessage))]
public sealed partial class PreviewMessages : JsonSerializerContext
{
    public static string Serialize<T>(T message) => JsonSerializer.Serialize(message, typeof(T), Default);
}
