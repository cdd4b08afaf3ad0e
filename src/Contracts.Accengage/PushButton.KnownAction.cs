using Contracts.Core.Json;

namespace Contracts.Accengage;

public partial class PushButton
{
    /// <summary>
    /// <see cref="Action"/> as one of the values the document lists, or null when it is unset or a value not listed
    /// (<see cref="Action"/> keeps it as sent).
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public ButtonAction? KnownAction
    {
        get => OpenEnum.Known<ButtonAction>(Action);
        set => Action = value is { } known ? OpenEnum.WireValue(known) : null;
    }
}
