using System.Text.Json;
using Contracts.Core.Json;

namespace Contracts.Accengage;

/// <summary>
/// Reads Accengage's error body in both forms its document gives: <c>{"errors":[{"label":"API_ERR_...","message":"..."}]}</c>
/// (the example) and a bare array of errors (the prose: "the server will return an array of errors"), whether typed
/// (a declared error answer) or from the raw body of any failed answer. Written as the object form.
/// </summary>
internal sealed class ErrorBodyConverter() : ListInObjectOrArrayConverter<ErrorBody, ErrorItem>("errors", "Accengage's error body")
{
    /// <summary>The one converter: it holds no state.</summary>
    public static readonly ErrorBodyConverter Instance = new();

    protected override ErrorBody Create(List<ErrorItem> items) => new() { Errors = items };

    protected override IList<ErrorItem> ItemsOf(ErrorBody body) => body.Errors;

    protected override ErrorItem ReadItem(JsonElement item) => new() { Label = TextOf(item, "label") ?? "", Message = TextOf(item, "message") };
}
