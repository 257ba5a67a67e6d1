namespace SalesInsights.Pipeline;

/// <summary>
/// A service whose state a build can summarise in one string (a hash of the files it loaded). A result cached
/// by a <see cref="BuildSession"/> that fetched the service is reused only while the stamp stays the same.
/// Services that are neither stamped nor records are compared by identity, which is always correct and only
/// pays off for services that live as long as the session.
/// </summary>
public interface IStamped
{
    string Stamp { get; }
}
