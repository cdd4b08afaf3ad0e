namespace Contracts.Core.Paging;

/// <summary>
/// A paged list was refused part-way, so that reading it cannot go on forever or leave the vendor: its next link
/// points back to a page already read (under any spelling), leaves the origin of the page that gave it or the path
/// of the operation's first page, or the list
/// has more pages than the client's page cap. The items read before are already yielded.
/// </summary>
public sealed class PagingException : InvalidOperationException
{
    /// <summary>Creates the exception.</summary>
    public PagingException(PagingStop reason, string message)
        : base(message)
    {
        Reason = reason;
    }

    /// <summary>Why paging stopped.</summary>
    public PagingStop Reason { get; }
}

/// <summary>Why <see cref="LinkHeaderPager"/> stopped reading a list.</summary>
public enum PagingStop
{
    /// <summary>The next link names a page already read.</summary>
    Loop,

    /// <summary>The next link leaves the origin of the page that gave it.</summary>
    OtherOrigin,

    /// <summary>The list has more pages than the page cap allows.</summary>
    PageCap,

    /// <summary>The next link leaves the path of the operation's first page (another account's list, another resource).</summary>
    OtherRoute,
}
