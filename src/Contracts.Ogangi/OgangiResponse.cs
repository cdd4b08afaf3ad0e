using Contracts.Core.Xml;

namespace Contracts.Ogangi;

/// <summary>
/// Ogangi's envelope says whether the call was done, whatever the HTTP status: only <c>&lt;status&gt;OK&lt;/status&gt;</c>
/// is success. As an <see cref="IRefusalAnswer"/>, any other status (or none) makes every operation, generated or
/// friendly, throw <see cref="OgangiException"/> instead of returning the envelope.
/// </summary>
public partial class OgangiResponse : IRefusalAnswer
{
    bool IRefusalAnswer.IsRefusal => StatusOf(this) != OgangiStatus.Ok;
}
