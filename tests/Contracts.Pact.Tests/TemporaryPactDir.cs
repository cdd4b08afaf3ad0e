using System.Text.Json.Nodes;

namespace Contracts.Pacts.Tests;

/// <summary>A private folder for the Pact files a test writes, so the binding's own tests never touch contracts/pacts.</summary>
internal sealed class TemporaryPactDir : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("pact-tests-");

    public string Path => _folder.FullName;

    public PactV4 Pact(string consumer = "Consumer", string provider = "Provider", Action<string>? output = null)
        => Pacts.Pact.V4(consumer, provider, new PactConfig { PactDir = Path, Output = output });

    public string FileOf(string consumer = "Consumer", string provider = "Provider") => System.IO.Path.Combine(Path, $"{consumer}-{provider}.json");

    public JsonObject Read(string consumer = "Consumer", string provider = "Provider")
        => JsonNode.Parse(File.ReadAllText(FileOf(consumer, provider)))!.AsObject();

    public void Dispose() => _folder.Delete(recursive: true);
}
