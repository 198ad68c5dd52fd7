using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Strata.Web.Storage;

/// <summary>
/// Saved cases are kept and exported as JSON. A case sent as JSON is stored exactly as sent; one sent as YAML (already
/// validated) is rewritten as the equivalent JSON, so that the export is always case/v1 JSON.
/// </summary>
public static class CaseJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The case as JSON text: the input itself when it is a JSON object, else its YAML rewritten as JSON.</summary>
    /// <param name="text">A case file that <c>CaseFile.Parse</c> accepted.</param>
    /// <returns>JSON text.</returns>
    public static string Normalize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (IsJsonObject(text))
        {
            return text;
        }

        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, stream.Documents[0].RootNode);
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static bool IsJsonObject(string text)
    {
        try
        {
            using var doc = JsonDocument.Parse(text);
            return doc.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static void Write(Utf8JsonWriter writer, YamlNode node)
    {
        switch (node)
        {
            case YamlMappingNode map:
                writer.WriteStartObject();
                foreach (var (key, value) in map.Children)
                {
                    writer.WritePropertyName(((YamlScalarNode)key).Value ?? "");
                    Write(writer, value);
                }

                writer.WriteEndObject();
                break;
            case YamlSequenceNode list:
                writer.WriteStartArray();
                foreach (var item in list.Children)
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case YamlScalarNode scalar:
                WriteScalar(writer, scalar);
                break;
            default:
                throw new InvalidOperationException($"Unexpected YAML node {node.NodeType}.");
        }
    }

    /// <summary>
    /// The case reader reads every scalar as text, so a scalar written as a JSON string reads back the same. Plain numbers
    /// and booleans are written as JSON numbers and booleans only because that is what a person expects to see.
    /// </summary>
    private static void WriteScalar(Utf8JsonWriter writer, YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted)
        {
            writer.WriteStringValue(value);
        }
        else if (value is "" or "null" or "~")
        {
            writer.WriteNullValue();
        }
        else if (value is "true" or "false")
        {
            writer.WriteBooleanValue(value == "true");
        }
        else if (IsJsonNumber(value))
        {
            writer.WriteRawValue(value);
        }
        else
        {
            writer.WriteStringValue(value);
        }
    }

    private static bool IsJsonNumber(string value)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(value));
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.Number && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
