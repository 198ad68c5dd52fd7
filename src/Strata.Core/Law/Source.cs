namespace Strata.Law;

/// <summary>Where a fact of law comes from: a title, an article, a public URL and the day it was checked.</summary>
/// <remarks>Every rule, parameter and instrument carries one, so every step of an explanation can cite it.</remarks>
public sealed record Source
{
    /// <summary>Creates a source.</summary>
    /// <param name="title">Title of the law, agreement or page.</param>
    /// <param name="article">Article, section or paragraph; empty when none applies.</param>
    /// <param name="url">Public URL.</param>
    /// <param name="checked">The day the source was last read to confirm the fact.</param>
    /// <exception cref="ArgumentException">The title or URL is empty.</exception>
    public Source(string title, string article, string url, DateOnly @checked)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(title);
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        Title = title;
        Article = article ?? "";
        Url = url;
        Checked = @checked;
    }

    /// <summary>Title of the law, agreement or page.</summary>
    public string Title { get; }

    /// <summary>Article, section or paragraph; empty when none applies.</summary>
    public string Article { get; }

    /// <summary>Public URL.</summary>
    public string Url { get; }

    /// <summary>The day the source was last read to confirm the fact.</summary>
    public DateOnly Checked { get; }

    /// <summary>A short citation: "Title, Article".</summary>
    /// <returns>The citation text.</returns>
    public override string ToString() => Article.Length == 0 ? Title : $"{Title}, {Article}";
}
