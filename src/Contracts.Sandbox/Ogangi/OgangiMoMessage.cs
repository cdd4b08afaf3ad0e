namespace Contracts.Sandbox.Ogangi;

/// <summary>
/// An incoming message (MO) the simulated Campaign Manager received: what getMOMessages lists. As in Ogangi's
/// sample, <see cref="From"/> is the user's mobile number and <see cref="To"/> the short or long code it was sent to.
/// </summary>
/// <param name="Text">The message's content.</param>
/// <param name="From">The mobile number that sent it, e.g. <c>58123456789</c>.</param>
/// <param name="To">The short or long code it was sent to, e.g. <c>19893143924</c>.</param>
/// <param name="Keyword">The keyword of the message content, e.g. <c>OGANGI</c>.</param>
/// <param name="Carrier">The carrier name it came through; empty when none (a message fired through the API).</param>
/// <param name="SendDate">When it was sent.</param>
public sealed record OgangiMoMessage(string Text, string From, string To, string Keyword, string Carrier, DateTimeOffset SendDate)
{
    /// <summary>The charset of <see cref="Text"/>; Ogangi's sample says UTF-8.</summary>
    public string Encoding { get; init; } = "UTF-8";
}
