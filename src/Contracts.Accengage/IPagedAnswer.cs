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

// The list answers of the contract (each described there as one page of a list answer).
public partial class AlarmList : IPagedAnswer;
public partial class BeaconList : IPagedAnswer;
public partial class ClickList : IPagedAnswer;
public partial class TargetedDeviceList : IPagedAnswer;
public partial class CampaignList : IPagedAnswer;
public partial class GeofenceList : IPagedAnswer;
public partial class GeogroupList : IPagedAnswer;
public partial class InAppList : IPagedAnswer;
public partial class MessageActionList : IPagedAnswer;
public partial class MessageList : IPagedAnswer;
public partial class StaticListDeviceList : IPagedAnswer;
public partial class StaticListList : IPagedAnswer;
public partial class StatList : IPagedAnswer;
