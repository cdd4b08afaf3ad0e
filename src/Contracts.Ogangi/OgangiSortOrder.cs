namespace Contracts.Ogangi;

/// <summary>The order of incoming messages (the <c>order</c> filter of getMOMessages).</summary>
public enum OgangiSortOrder
{
    /// <summary><c>asc</c>: oldest first.</summary>
    Ascending,

    /// <summary><c>desc</c>: newest first.</summary>
    Descending,
}
