using System.Globalization;
using System.Net;
using System.Text;

namespace Streaming.LoadTests.Reporting;

/// <summary>
/// Draws partial latency (p50, p95, p99) and final latency (p95) against concurrent sessions as an SVG line
/// chart, with the capacity criterion's limit as a dashed line when a capacity search ran.
/// </summary>
public static class LatencyPlot
{
    private const double Width = 720, Height = 420, Left = 70, Right = 150, Top = 40, Bottom = 55;

    private static readonly (string Name, string Colour, Func<Framework.PhaseResult, double> Value)[] Series =
    [
        ("partial p50", "#1f77b4", p => p.Partial.P50),
        ("partial p95", "#ff7f0e", p => p.Partial.P95),
        ("partial p99", "#d62728", p => p.Partial.P99),
        ("final p95", "#2ca02c", p => p.Final.P95),
    ];

    /// <summary>The SVG document.</summary>
    public static string Render(LoadReport report)
    {
        var points = report.LatencyByConcurrency();
        var limit = report.Capacity?.P95LimitMs;
        var maxX = Math.Max(1, points.Count == 0 ? 1 : points.Max(p => p.Concurrency));
        var maxY = points.SelectMany(p => Series.Select(s => s.Value(p.Steady))).Append(limit ?? 0).DefaultIfEmpty(0).Max();
        var xStep = NiceStep(maxX);
        var yStep = NiceStep(Math.Max(maxY, 1));
        var xTop = Math.Ceiling((maxX + (xStep / 2)) / xStep) * xStep; // the last point off the edge
        var yTop = Math.Ceiling(maxY * 1.05 / yStep) * yStep;
        double X(double v) => Left + (v / xTop * (Width - Left - Right));
        double Y(double v) => Height - Bottom - (v / yTop * (Height - Top - Bottom));

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" viewBox=\"0 0 {Width} {Height}\" font-family=\"sans-serif\" font-size=\"12\">\n");
        svg.Append(CultureInfo.InvariantCulture, $"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width / 2}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">{Encode(report.Title)}: latency vs concurrent sessions</text>\n");

        for (var v = 0.0; v <= xTop + (xStep / 2); v += xStep)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(v):F1}\" y1=\"{Top}\" x2=\"{X(v):F1}\" y2=\"{Height - Bottom}\" stroke=\"#eee\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(v):F1}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\">{v:0.##}</text>\n");
        }

        for (var v = 0.0; v <= yTop + (yStep / 2); v += yStep)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Y(v):F1}\" x2=\"{Width - Right}\" y2=\"{Y(v):F1}\" stroke=\"#eee\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Left - 6}\" y=\"{Y(v) + 4:F1}\" text-anchor=\"end\">{v:0.##}</text>\n");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Height - Bottom}\" x2=\"{Width - Right}\" y2=\"{Height - Bottom}\" stroke=\"black\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Top}\" x2=\"{Left}\" y2=\"{Height - Bottom}\" stroke=\"black\"/>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{(Left + Width - Right) / 2}\" y=\"{Height - 12}\" text-anchor=\"middle\">concurrent sessions</text>\n");
        svg.Append(CultureInfo.InvariantCulture, $"<text transform=\"translate(18,{(Top + Height - Bottom) / 2}) rotate(-90)\" text-anchor=\"middle\">latency (ms)</text>\n");

        var legendY = Top + 10.0;
        foreach (var (name, colour, value) in Series)
        {
            var coordinates = points.Select(p => $"{X(p.Concurrency):F1},{Y(value(p.Steady)):F1}").ToArray();
            if (coordinates.Length > 1)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" points=\"{string.Join(' ', coordinates)}\"/>\n");
            }

            foreach (var p in points)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(p.Concurrency):F1}\" cy=\"{Y(value(p.Steady)):F1}\" r=\"3.5\" fill=\"{colour}\"/>");
            }

            svg.Append(CultureInfo.InvariantCulture, $"\n<line x1=\"{Width - Right + 12}\" y1=\"{legendY}\" x2=\"{Width - Right + 34}\" y2=\"{legendY}\" stroke=\"{colour}\" stroke-width=\"2\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right + 40}\" y=\"{legendY + 4}\">{name}</text>\n");
            legendY += 20;
        }

        if (limit is { } ms)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" y1=\"{Y(ms):F1}\" x2=\"{Width - Right}\" y2=\"{Y(ms):F1}\" stroke=\"#555\" stroke-dasharray=\"6,4\"/>\n");
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Width - Right + 12}\" y1=\"{legendY}\" x2=\"{Width - Right + 34}\" y2=\"{legendY}\" stroke=\"#555\" stroke-dasharray=\"6,4\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{Width - Right + 40}\" y=\"{legendY + 4}\">p95 limit {ms:F0} ms</text>\n");
        }

        return svg.Append("</svg>\n").ToString();
    }

    /// <summary>
    /// A 1, 2 or 5 times power-of-ten step giving about five grid lines up to <paramref name="max"/>; at least 1,
    /// since both axes count whole sessions or milliseconds.
    /// </summary>
    internal static double NiceStep(double max)
    {
        var rough = max / 5;
        var power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        return Math.Max(1, new[] { 1.0, 2.0, 5.0, 10.0 }.First(m => m * power >= rough) * power);
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
