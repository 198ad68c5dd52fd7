using System.Globalization;
using System.Text;
using Strata.Corridors;
using Strata.Law;
using static Strata.Cli.Charts.Drawing;

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
}
