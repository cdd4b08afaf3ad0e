namespace Contracts.Accengage;

/// <summary>
/// A page of a JSON list answer: the paging links of its body, under either name the document gives the field
/// ("links", "link"). The pager follows them when an answer carries no <c>Link</c> header.
/// </summary>
internal interface IPagedAnswer
{
    PagingLinks? Links { get; }

    PagingLinks? Link { get; }
}

/// <summary>One page of a list answer, with its items and paging links.</summary>
public partial class AlarmList : IPagedAnswer;

/// <summary>One page of a list answer, with its items and paging links.</summary>
public partial class BeaconList : IPagedAnswer;

/// <summary>One page of a list answer, with its items and paging links.</summary>
public partial class ClickList : IPagedAnswer;

/// <summary>One page of a list answer, with its items and paging links.</summary>
public partial class TargetedDeviceList : IPagedAnswer;

/// <summary>One page of a list answer, with its items and paging links.</summary>
public partial class CampaignList : IPagedAnswer;

/// <summary>One page of a list answer, with its items and paging links.</summary>
public partial class GeofenceList : IPagedAnswer;

/// <summary>One page of a list answer, with its items and paging links.</summary>
public partial class GeogroupList : IPagedAnswer;

/// <summary>One page of a list answer, with its items and paging links.</summary>
public partial class InAppList : IPagedAnswer;

/// <summary>One page of a list answer, with its items and paging links.</summary>
public partial class MessageActionList : IPagedAnswer;

/// <summary>One page of a list answer, with its items and paging links.</summary>
public partial class MessageList : IPagedAnswer;

/// <summary>One page of a list answer, with its items and paging links.</summary>
public partial class StaticListDeviceList : IPagedAnswer;

/// <summary>One page of a list answer, with its items and paging links.</summary>
public partial class StaticListList : IPagedAnswer;

/// <summary>One page of a list answer, with its items and paging links.</summary>
public partial class StatList : IPagedAnswer;
