using System.Net;
using System.Net.Sockets;

namespace Contracts.Hostile.Tests.Infrastructure;

/// <summary>
/// A fact that needs to listen on a particular loopback address (127.0.0.2 for a second origin, say), skipped with the
/// reason when this machine cannot bind it: on Linux all of 127.0.0.0/8 is loopback, elsewhere often only 127.0.0.1.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class FactWhenBindableAttribute : FactAttribute
{
    public FactWhenBindableAttribute(string address)
    {
        Address = address;
        var failure = BindFailure(IPAddress.Parse(address));
        if (failure is not null)
            Skip = $"This machine cannot listen on {address} ({failure}); the test needs a second loopback address.";
    }

    public string Address { get; }

    private static string? BindFailure(IPAddress address)
    {
        var listener = new TcpListener(address, 0);
        try
        {
            listener.Start();
            return null;
        }
        catch (SocketException e)
        {
            return e.Message;
        }
        finally
        {
            listener.Stop();
        }
    }
}
