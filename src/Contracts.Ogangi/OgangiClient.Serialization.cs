using Contracts.Core.Http;

namespace Contracts.Ogangi;

public partial class OgangiClient
{
    /// <summary>Every answer that is not Ogangi's envelope, or not a success, becomes an <see cref="OgangiException"/>.</summary>
    private static readonly IVendorErrorTable ErrorTable = VendorErrorTable<OgangiException>.Instance;
}
