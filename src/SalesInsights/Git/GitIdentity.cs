namespace SalesInsights.Git;

/// <summary>Who made a commit, as <c>.mailmap</c> names them.</summary>
/// <param name="Mapped">True when a <c>.mailmap</c> line gave this name or address: the repository vouches for it.</param>
public sealed record GitIdentity(string Name, string Email, bool Mapped = false);
