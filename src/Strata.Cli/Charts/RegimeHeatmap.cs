using System.Globalization;
using System.Text;
using SkiaSharp;
using Strata.Corridors;
using Strata.Law;

namespace Strata.Cli.Charts;

/// <summary>
/// A heatmap of portability regimes: one panel per branch, origins down, destinations across, each cell coloured by
/// regime and labelled with it, so that it reads without the docs. Drawn once as a list of shapes, then written as
/// SVG and as PNG, so both files always show the same picture.
/// </summary>
internal static class RegimeHeatmap
{
    private const int Cell = 30;
    private const int Label = 40;
    private const int PanelGap = 36;

    private static readonly (Regime Regime, string Colour, string Text)[] Legend =
    [
        (Regime.I, "#1a9850", "I  access and portability through an agreement or convention"),
        (Regime.II, "#fee08b", "II  access; portability only under the destination's own law"),
        (Regime.III, "#fc8d59", "III  documented, but not insured"),
        (Regime.IV, "#b2182b", "IV  undocumented, not insured"),
        (Regime.Unknown, "#d9d9d9", "?  the destination's law is not known to Strata"),
    ];

    private abstract record Shape;

    private sealed record Rect(float X, float Y, float W, float H, string Fill) : Shape;

    private sealed record Text(float X, float Y, string Value, float Size, bool Bold = false, string Anchor = "start", bool Vertical = false, string Colour = "#222222") : Shape;

    public static (string Svg, byte[] Png) Render(IReadOnlyList<string> origins, IReadOnlyList<string> destinations, IReadOnlyList<Branch> branches,
        Func<string, string, Branch, Regime?> regime, string title, string subtitle, string footnote)
    {
        var shapes = new List<Shape>();
        var panelW = Label + (destinations.Count * Cell);
        var panelH = Label + 10 + (origins.Count * Cell);
        var columns = 2;
        var width = 20 + (columns * panelW) + ((columns - 1) * PanelGap) + 20;
        var top = 80f;
        shapes.Add(new Text(20, 30, title, 18, Bold: true));
        shapes.Add(new Text(20, 54, subtitle, 12, Colour: "#444444"));
        for (var b = 0; b < branches.Count; b++)
        {
            var x0 = 20 + ((b % columns) * (panelW + PanelGap));
            var y0 = top + ((b / columns) * (panelH + 40));
            shapes.Add(new Text(x0, y0 + 14, branches[b].ToName(), 14, Bold: true));
            var gridX = x0 + Label;
            var gridY = y0 + Label + 10;
            for (var j = 0; j < destinations.Count; j++)
            {
                shapes.Add(new Text(gridX + (j * Cell) + (Cell / 2f), gridY - 6, destinations[j], 11, Anchor: "middle"));
            }

            for (var i = 0; i < origins.Count; i++)
            {
                shapes.Add(new Text(gridX - 6, gridY + (i * Cell) + (Cell / 2f) + 4, origins[i], 11, Anchor: "end"));
                for (var j = 0; j < destinations.Count; j++)
                {
                    var x = gridX + (j * Cell);
                    var y = gridY + (i * Cell);
                    var r = regime(origins[i], destinations[j], branches[b]);
                    if (r is null)
                    {
                        shapes.Add(new Rect(x + 1, y + 1, Cell - 2, Cell - 2, "#ffffff"));
                        continue;
                    }

                    var (_, colour, _) = Legend.First(l => l.Regime == r);
                    shapes.Add(new Rect(x + 1, y + 1, Cell - 2, Cell - 2, colour));
                    shapes.Add(new Text(x + (Cell / 2f), y + (Cell / 2f) + 4, r == Regime.Unknown ? "?" : r.ToString()!, 11, Bold: true, Anchor: "middle",
                        Colour: r is Regime.I or Regime.IV ? "#ffffff" : "#222222"));
                }
            }

            shapes.Add(new Text(x0, gridY + (origins.Count * Cell) + 16, "rows: origin (nationality) · columns: destination", 10, Colour: "#666666"));
        }

        var legendY = top + (((branches.Count + columns - 1) / columns) * (panelH + 40)) + 10;
        for (var k = 0; k < Legend.Length; k++)
        {
            var lx = 20 + ((k % 2) * 420f);
            var ly = legendY + ((k / 2) * 22f);
            shapes.Add(new Rect(lx, ly, 16, 16, Legend[k].Colour));
            shapes.Add(new Text(lx + 24, ly + 13, Legend[k].Text, 12));
        }

        var footY = legendY + (((Legend.Length + 1) / 2) * 22f) + 16;
        foreach (var (line, n) in Wrap(footnote, 150).Select((l, n) => (l, n)))
        {
            shapes.Add(new Text(20, footY + (n * 15), line, 10, Colour: "#555555"));
        }

        var height = (int)(footY + (Wrap(footnote, 150).Count * 15) + 20);
        return (Svg(shapes, width, height), Png(shapes, width, height));
    }

    private static List<string> Wrap(string text, int width)
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

    private static string Svg(List<Shape> shapes, int width, int height)
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

    private static byte[] Png(List<Shape> shapes, int width, int height)
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
