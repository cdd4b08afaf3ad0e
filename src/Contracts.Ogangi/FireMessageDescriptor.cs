using Contracts.Core.Validation;

namespace Contracts.Ogangi;

/// <summary>The fire message descriptor: the JSON body of fireMessage (POST).</summary>
public partial class FireMessageDescriptor
{
    /// <summary>
    /// A descriptor with the default field names: <c>sender_id_id</c> (the short code the MO is sent to),
    /// <c>keyword_value</c> (the text simulated) and <c>recipient_address</c> (the mobile number simulating the MO).
    /// </summary>
    /// <exception cref="ArgumentException">A value is blank.</exception>
    public static FireMessageDescriptor Create(string senderId, string keyword, string recipientAddress)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(senderId);
        ArgumentException.ThrowIfNullOrWhiteSpace(keyword);
        ArgumentException.ThrowIfNullOrWhiteSpace(recipientAddress);
        return new FireMessageDescriptor
        {
            Event = new FireMessageEvent
            {
                FldValList = new FireMessageFields { Sender_id_id = senderId, Keyword_value = keyword, Recipient_address = recipientAddress },
            },
        };
    }

    /// <summary>
    /// A descriptor with field names of your workspace's own (an administrator can rename them, e.g.
    /// <c>mobilenumber</c> instead of <c>recipient_address</c>).
    /// </summary>
    /// <exception cref="ArgumentException">A name or a value is blank.</exception>
    public static FireMessageDescriptor FromFields(IEnumerable<KeyValuePair<string, string>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var list = new FireMessageFields();
        foreach (var (name, value) in fields)
        {
            ArgumentException.ThrowIfNullOrWhiteSpace(name, nameof(fields));
            ArgumentException.ThrowIfNullOrWhiteSpace(value, nameof(fields));
            list.AdditionalProperties[name] = value;
        }
        return new FireMessageDescriptor { Event = new FireMessageEvent { FldValList = list } };
    }

    /// <summary>
    /// Adds why the descriptor cannot be sent: the contract's rules (its generated check: an event holding a
    /// fld-val-list) and at least one field, which Ogangi needs.
    /// </summary>
    internal void Check(ContractProblems problems)
    {
        problems.Nested("descriptor", this);
        if (Event?.FldValList is { Sender_id_id: null, Keyword_value: null, Recipient_address: null, AdditionalProperties.Count: 0 })
            problems.Add("descriptor.event.fld-val-list", "has no field; Ogangi needs at least the sender, keyword and recipient.");
    }
}
