using System.Text.Json;
using Contracts.Core.Json;

namespace Contracts.Engage.Tests;

/// <summary>
/// The generated models work with Core's shared serializer settings through their base type (Core's ExtensibleModel),
/// not through a private field of the generated class.
/// </summary>
public sealed class GeneratedModelJsonTests
{
    // The client's own settings: its source-generated context with Core's modifiers.
    private static JsonSerializerOptions Options() => new SourceGeneratedJson(EngageClientJson.Default).Options;

    [Fact]
    public void Writing_a_destination_does_not_create_its_additional_properties()
    {
        var destination = new ObservedDestination { BNumber = "+15018902005", CustomTrackingId = "t-1" };

        var json = JsonSerializer.Serialize<Destination>(destination, Options()); // as the client writes it: by its declared type

        Assert.Equal("""{"bNumber":"+15018902005","customTrackingId":"t-1"}""", json);
        Assert.False(destination.HasAdditionalProperties());
    }

    [Fact]
    public void Unknown_fields_of_a_destination_round_trip()
    {
        const string json = """{"bNumber":"+15018902005","extra":{"x":1}}""";

        var destination = JsonSerializer.Deserialize<Destination>(json, Options())!;

        Assert.Equal(json, JsonSerializer.Serialize(destination, Options()));
    }

    // Sees what the base type holds, which only a derived type may ask.
    private sealed class ObservedDestination : Destination
    {
        public bool HasAdditionalProperties() => AdditionalPropertiesIfCreated is not null;
    }
}
