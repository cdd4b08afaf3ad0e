using System.Text.Json;
using System.Text.Json.Serialization;
using Contracts.Core.Json;

namespace Contracts.Core.Tests;

public sealed class GeneratedModelJsonTests
{
    // The shape build/templates/Class.liquid generates for a model with open additionalProperties.
    private sealed class Model : ILazyAdditionalProperties
    {
        [JsonPropertyName("name")]
        public string? Name { get; set; }

        private IDictionary<string, object>? _additionalProperties;

        [JsonExtensionData]
        public IDictionary<string, object> AdditionalProperties
        {
            get { return _additionalProperties ?? (_additionalProperties = new Dictionary<string, object>()); }
            set { _additionalProperties = value; }
        }

        IDictionary<string, object>? ILazyAdditionalProperties.AdditionalPropertiesIfCreated => _additionalProperties;

        [JsonIgnore]
        public bool HasDictionary => _additionalProperties is not null;
    }

    private static JsonSerializerOptions Options() => ReflectionModelJson.Options();

    [Fact]
    public void Writing_a_model_does_not_create_its_extension_dictionary()
    {
        var model = new Model { Name = "+15018902005 café" };

        var json = JsonSerializer.Serialize(model, Options());

        Assert.Equal("""{"name":"+15018902005 café"}""", json);
        Assert.False(model.HasDictionary);
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
