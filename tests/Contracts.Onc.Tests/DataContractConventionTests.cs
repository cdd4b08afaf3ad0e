using System.Reflection;
using System.Runtime.Serialization;
using System.Xml;
using System.Xml.Linq;
using static Contracts.Onc.Tests.OncContract;

namespace Contracts.Onc.Tests;

/// <summary>Sweeps every generated data contract: each property survives a DataContractSerializer round trip.</summary>
public sealed class DataContractConventionTests
{
    public static TheoryData<Type> DataContracts()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(OncClient).Assembly.GetTypes().Where(t => t.IsClass && t.GetCustomAttribute<DataContractAttribute>() is not null).OrderBy(t => t.Name, StringComparer.Ordinal))
            data.Add(type);
        return data;
    }

    [Theory]
    [MemberData(nameof(DataContracts))]
    public void Every_property_round_trips(Type type)
    {
        var original = Fill(type, depth: 0);

        var copy = RoundTrip(type, original);

        foreach (var property in type.GetProperties().Where(p => p.Name != "ExtensionData"))
            DataContractAssert.Equal(property.GetValue(original), property.GetValue(copy), $"{type.Name}.{property.Name}");
    }

    [Fact]
    public void A_status_number_the_enum_does_not_name_is_kept()
    {
        var xml = $"<CommunicationInfo xmlns=\"{Dc}\"><StatusCode>42</StatusCode></CommunicationInfo>";

        var info = (CommunicationInfo)new DataContractSerializer(typeof(CommunicationInfo)).ReadObject(XmlReader.Create(new StringReader(xml)))!;

        Assert.Equal(42, (int)info.StatusCode);
        Assert.Contains("<StatusCode>42</StatusCode>", Write(info), StringComparison.Ordinal);
    }

    [Fact]
    public void Elements_the_contract_does_not_know_survive_a_read_modify_write()
    {
        var xml = $"<CommunicationInfo xmlns=\"{Dc}\"><Destination>+1555</Destination><LastDeliveryErrorCode>0</LastDeliveryErrorCode><RetryCount>1</RetryCount><StatusCode>1</StatusCode><TextToSendOverwrite>x</TextToSendOverwrite><Zone>Pacific</Zone></CommunicationInfo>";

        var info = (CommunicationInfo)new DataContractSerializer(typeof(CommunicationInfo)).ReadObject(XmlReader.Create(new StringReader(xml)))!;
        info.RetryCount = 2;

        var written = XElement.Parse(Write(info));
        Assert.Equal("Pacific", (string?)written.Element(Dc + "Zone"));
        Assert.Equal("2", (string?)written.Element(Dc + "RetryCount"));
    }

    private static string Write(object value)
    {
        using var text = new StringWriter();
        using (var writer = XmlWriter.Create(text))
            new DataContractSerializer(value.GetType()).WriteObject(writer, value);
        return text.ToString();
    }

    private static object RoundTrip(Type type, object value)
    {
        var serializer = new DataContractSerializer(type);
        using var buffer = new MemoryStream();
        serializer.WriteObject(buffer, value);
        buffer.Position = 0;
        return serializer.ReadObject(buffer)!;
    }

    private static object Fill(Type type, int depth)
    {
        var instance = Activator.CreateInstance(type)!;
        var ordinal = type.Name.Length;
        foreach (var property in type.GetProperties().Where(p => p.CanWrite && p.Name != "ExtensionData"))
            property.SetValue(instance, Sample(property.PropertyType, property.Name, ordinal++, depth));
        return instance;
    }

    private static object? Sample(Type type, string name, int ordinal, int depth) => type switch
    {
        _ when type == typeof(string) => $"{name}-{ordinal}",
        _ when type == typeof(int) => ordinal * 7,
        _ when type == typeof(bool) => ordinal % 2 == 0,
        _ when type == typeof(Guid) => new Guid(ordinal, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
        _ when type == typeof(DateTime) => new DateTime(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddHours(ordinal),
        _ when type == typeof(TimeSpan) => TimeSpan.FromMinutes(ordinal * 13),
        _ when type.IsEnum => Enum.GetValues(type).GetValue(ordinal % Enum.GetValues(type).Length),
        _ when type.IsClass && depth < 3 => Fill(type, depth + 1),
        _ => throw new InvalidOperationException($"No sample for {type} ({name}): extend the sweep when the contract grows a new kind of member."),
    };
}
