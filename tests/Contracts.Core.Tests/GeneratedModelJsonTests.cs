using System.Text.Json;
using System.Text.Json.Serialization;
using Contracts.Core.Json;

namespace Contracts.Core.Tests;

public sealed class GeneratedModelJsonTests
{
    // A model as build/templates/Class.liquid generates it when its contract leaves additionalProperties open.
    private sealed class Model : ExtensibleModel
    {
        [JsonPropertyName("name")]
        public string? Name { get; set; }
    }

    private static JsonSerializerOptions Options() => ReflectionModelJson.Options();

    [Fact]
    public void Writing_a_model_does_not_create_its_extension_dictionary()
    {
        var model = new Model { Name = "+15018902005 café" };

        var json = JsonSerializer.Serialize(model, Options());

        Assert.Equal("""{"name":"+15018902005 café"}""", json);
        Assert.Null(model.AdditionalPropertiesIfCreated);
    }

    [Fact]
    public void Unknown_fields_still_round_trip()
    {
        var model = JsonSerializer.Deserialize<Model>("""{"name":"a","extra":{"x":1},"n":2}""", Options())!;

        Assert.Equal("""{"name":"a","extra":{"x":1},"n":2}""", JsonSerializer.Serialize(model, Options()));
    }

    [Fact]
    public void Unset_optional_fields_are_left_out()
        => Assert.Equal("{}", JsonSerializer.Serialize(new Model(), Options()));
}
