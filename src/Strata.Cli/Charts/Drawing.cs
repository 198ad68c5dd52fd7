using System.Globalization;
using System.Text;
using SkiaSharp;

namespace Strata.Cli.Charts;

/// <summary>
/// Charts are drawn once as a list of shapes, then written as SVG and as PNG, so both files always show the same picture.
/// </summary>
internal static class Drawing
{
    public abstract record Shape;

    public sealed record Rect(float X, float Y, float W, float H, string Fill) : Shape;

    public sealed record Text(float X, float Y, string Value, float Size, bool Bold = false, string Anchor = "start", bool Vertical = false, string Colour = "#222222") : Shape;

    public static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var current = new StringBuilder();
        foreach (var word in text.Split(' '))
        {
            if (current.Length + word.Length + 1 > width && current.Length > 0)
            {
                lines.Add(current.ToString());
                current.Clear();
            }

            current.Append(current.Length == 0 ? "" : " ").Append(word);
        }

        if (current.Length > 0)
        {
            lines.Add(current.ToString());
        }

        return lines;
    }

    private static string F(float v) => v.ToString("0.#", CultureInfo.InvariantCulture);

    public static string Svg(List<Shape> shapes, int width, int height)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\" font-family=\"DejaVu Sans, Arial, sans-serif\">\n");
        sb.Append(CultureInfo.InvariantCulture, $"<rect width=\"{width}\" height=\"{height}\" fill=\"#ffffff\"/>\n");
        foreach (var shape in shapes)
        {
            switch (shape)
            {
                case Rect r:
                    sb.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(r.X)}\" y=\"{F(r.Y)}\" width=\"{F(r.W)}\" height=\"{F(r.H)}\" fill=\"{r.Fill}\" rx=\"2\"/>\n");
                    break;
                case Text t:
                    sb.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(t.X)}\" y=\"{F(t.Y)}\" font-size=\"{F(t.Size)}\" fill=\"{t.Colour}\" text-anchor=\"{t.Anchor}\"{(t.Bold ? " font-weight=\"bold\"" : "")}>{System.Security.SecurityElement.Escape(t.Value)}</text>\n");
                    break;
            }
        }

        sb.Append("</svg>\n");
        return sb.ToString();
    }

    public static byte[] Png(List<Shape> shapes, int width, int height)
    {
        using var surface = SKSurface.Create(new SKImageInfo(width * 2, height * 2));
        var canvas = surface.Canvas;
        canvas.Scale(2);
        canvas.Clear(SKColors.White);
        using var regular = SKTypeface.FromFamilyName("DejaVu Sans") ?? SKTypeface.Default;
        using var bold = SKTypeface.FromFamilyName("DejaVu Sans", SKFontStyle.Bold) ?? regular;
        foreach (var shape in shapes)
        {
            switch (shape)
            {
                case Rect r:
                    using (var paint = new SKPaint { Color = SKColor.Parse(r.Fill), IsAntialias = true })
                    {
                        canvas.DrawRoundRect(r.X, r.Y, r.W, r.H, 2, 2, paint);
                    }

                    break;
                case Text t:
                    using (var font = new SKFont(t.Bold ? bold : regular, t.Size))
                    using (var paint = new SKPaint { Color = SKColor.Parse(t.Colour), IsAntialias = true })
                    {
                        var align = t.Anchor switch { "middle" => SKTextAlign.Center, "end" => SKTextAlign.Right, _ => SKTextAlign.Left };
                        canvas.DrawText(t.Value, t.X, t.Y, align, font, paint);
                    }

                    break;
            }
        }

        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
