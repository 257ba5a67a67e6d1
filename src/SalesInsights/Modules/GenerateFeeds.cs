using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Xml;
using SalesInsights.Html;
using SalesInsights.Pipeline;
using SalesInsights.Site;

namespace SalesInsights.Modules;

/// <summary>Writes the RSS 2.0 (<c>feed.xml</c>) and Atom (<c>atom.xml</c>) feeds of the newest articles, full text included.</summary>
public sealed class GenerateFeeds(string postsPipeline) : IModule
{
    public const int Entries = 20;

    public Task<ImmutableArray<Document>> ExecuteAsync(ImmutableArray<Document> inputs, IExecutionContext context, CancellationToken cancellationToken)
    {
        var settings = context.Get<SiteSettings>();
        var now = context.Get<BuildOptions>().Now;
        var posts = context.OutputsOf(postsPipeline)
            .OrderByDescending(d => d.Get<DateTimeOffset?>(Keys.Date))
            .ThenBy(d => d.Get<string>(Keys.Url), StringComparer.Ordinal)
            .Take(Entries)
            .ToList();
        // In a preview session the feeds are written again only when one of their articles (or the settings) changed.
        Document[] feeds = context.Derive($"{nameof(GenerateFeeds)}/feeds", () => [ContentHash.Of(settings), now, posts.ToArray()], () => Feeds(settings, now, posts));
        return Task.FromResult<ImmutableArray<Document>>([.. inputs, .. feeds]);
    }

    private static Document[] Feeds(SiteSettings settings, DateTimeOffset now, List<Document> posts)
    {
        var origin = settings.BaseUrl[..^settings.BasePath.Length];
        string Absolute(string url) => origin + settings.BasePath + url;
        // Links inside article HTML are root-relative; feed readers need them absolute. A feed carries no active
        // content even when the site allows it on its pages: readers show feeds in other programs' origins.
        // Front matter with a character XML cannot hold is refused where it is read; a body may still carry one
        // (Markdown passes control characters through), and it must not make the whole feed unwritable.
        string Content(Document d) => PublishableText.Clean(RawHtml.WithoutActiveContent(d.Text)).Replace("href=\"/", $"href=\"{origin}/", StringComparison.Ordinal).Replace("src=\"/", $"src=\"{origin}/", StringComparison.Ordinal);

        var rss = Xml(writer =>
        {
            writer.WriteStartElement("rss");
            writer.WriteAttributeString("version", "2.0");
            writer.WriteAttributeString("xmlns", "atom", null, "http://www.w3.org/2005/Atom");
            writer.WriteStartElement("channel");
            writer.WriteElementString("title", settings.Title);
            writer.WriteElementString("link", Absolute("/"));
            writer.WriteElementString("description", settings.Description);
            writer.WriteElementString("language", settings.Language);
            writer.WriteElementString("lastBuildDate", now.ToString("r", CultureInfo.InvariantCulture));
            writer.WriteStartElement("atom", "link", "http://www.w3.org/2005/Atom");
            writer.WriteAttributeString("href", Absolute("/feed.xml"));
            writer.WriteAttributeString("rel", "self");
            writer.WriteAttributeString("type", "application/rss+xml");
            writer.WriteEndElement();
            foreach (var post in posts)
            {
                var url = Absolute(post.Get<string>(Keys.Url)!);
                writer.WriteStartElement("item");
                writer.WriteElementString("title", post.Get<string>(Keys.Title));
                writer.WriteElementString("link", url);
                writer.WriteStartElement("guid");
                writer.WriteAttributeString("isPermaLink", "true");
                writer.WriteString(url);
                writer.WriteEndElement();
                writer.WriteElementString("pubDate", post.Get<DateTimeOffset>(Keys.Date).ToString("r", CultureInfo.InvariantCulture));
                writer.WriteElementString("author", $"noreply@{new Uri(origin).Host} ({post.Get<string>(Keys.Author)})");
                foreach (var tag in post.Get<ImmutableArray<string>>(Keys.Tags))
                {
                    writer.WriteElementString("category", tag);
                }
                writer.WriteElementString("description", Content(post));
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
            writer.WriteEndElement();
        });

        const string AtomNs = "http://www.w3.org/2005/Atom";
        var atom = Xml(writer =>
        {
            writer.WriteStartElement("feed", AtomNs);
            writer.WriteAttributeString("xml", "lang", null, settings.Language);
            writer.WriteElementString("title", AtomNs, settings.Title);
            writer.WriteElementString("subtitle", AtomNs, settings.Description);
            writer.WriteElementString("id", AtomNs, Absolute("/"));
            Link(writer, Absolute("/atom.xml"), "self");
            Link(writer, Absolute("/"), "alternate");
            var updated = posts.Select(p => p.Get<DateTimeOffset?>(Keys.Updated) ?? p.Get<DateTimeOffset>(Keys.Date)).DefaultIfEmpty(now).Max();
            writer.WriteElementString("updated", AtomNs, Rfc3339(updated));
            writer.WriteStartElement("author", AtomNs);
            writer.WriteElementString("name", AtomNs, settings.Author);
            writer.WriteEndElement();
            foreach (var post in posts)
            {
                var url = Absolute(post.Get<string>(Keys.Url)!);
                writer.WriteStartElement("entry", AtomNs);
                writer.WriteElementString("title", AtomNs, post.Get<string>(Keys.Title));
                writer.WriteElementString("id", AtomNs, url);
                Link(writer, url, "alternate");
                writer.WriteElementString("published", AtomNs, Rfc3339(post.Get<DateTimeOffset>(Keys.Date)));
                writer.WriteElementString("updated", AtomNs, Rfc3339(post.Get<DateTimeOffset?>(Keys.Updated) ?? post.Get<DateTimeOffset>(Keys.Date)));
                // Atom has one author element per person; RSS's single author carries the byline line.
                foreach (var name in post.Get<ImmutableArray<string>>(Keys.Bylines) is { IsDefault: false } bylines ? bylines : [post.Get<string>(Keys.Author) ?? settings.Author])
                {
                    writer.WriteStartElement("author", AtomNs);
                    writer.WriteElementString("name", AtomNs, name);
                    writer.WriteEndElement();
                }
                foreach (var tag in post.Get<ImmutableArray<string>>(Keys.Tags))
                {
                    writer.WriteStartElement("category", AtomNs);
                    writer.WriteAttributeString("term", tag);
                    writer.WriteEndElement();
                }
                writer.WriteStartElement("summary", AtomNs);
                writer.WriteString(PublishableText.Clean(post.Get<string>(Keys.Excerpt) ?? string.Empty));
                writer.WriteEndElement();
                writer.WriteStartElement("content", AtomNs);
                writer.WriteAttributeString("type", "html");
                writer.WriteString(Content(post));
                writer.WriteEndElement();
                writer.WriteEndElement();
            }
            writer.WriteEndElement();
        });

        return [
            Document.FromText(null, "feed.xml", rss, Metadata.Empty.With(Keys.Kind, Kinds.Feed)),
            Document.FromText(null, "atom.xml", atom, Metadata.Empty.With(Keys.Kind, Kinds.Feed)),
        ];
    }

    private static void Link(XmlWriter writer, string href, string rel)
    {
        writer.WriteStartElement("link", "http://www.w3.org/2005/Atom");
        writer.WriteAttributeString("href", href);
        writer.WriteAttributeString("rel", rel);
        writer.WriteEndElement();
    }

    public static string Rfc3339(DateTimeOffset date) => date.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>An XML document written with <see cref="XmlWriter"/>, so it is well-formed by construction.</summary>
    public static string Xml(Action<XmlWriter> write)
    {
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(new StringWriter(text, CultureInfo.InvariantCulture), new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false) }))
        {
            writer.WriteStartDocument();
            write(writer);
            writer.WriteEndDocument();
        }
        // StringWriter reports UTF-16; the file is written as UTF-8.
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }
}
