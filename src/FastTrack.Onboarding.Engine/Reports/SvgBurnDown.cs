using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using FastTrack.Onboarding.Model.History;

namespace FastTrack.Onboarding.Engine.Reports
{
    /// <summary>
    /// The burn-down as inline SVG: open items per run on a time axis, one marked point per run
    /// (data-run-id, data-open: the numbers are in the markup as well as the picture), the accepted
    /// items as a dashed line, the projection at the current velocity, and the plan's target date.
    /// Needs two runs or more; the caller says "one run so far" otherwise.
    /// </summary>
    internal static class SvgBurnDown
    {
        private const int Width = 760, Height = 260, Left = 48, Right = 16, Top = 16, Bottom = 40;

        public static string Chart(
            string title,
            IReadOnlyList<ProgressPoint> points,
            DateTimeOffset? targetDate,
            DateTimeOffset? projectedCompletion)
        {
            if (points.Count < 2)
            {
                throw new ArgumentException("A burn-down needs at least two runs.", nameof(points));
            }

            var first = points[0].CompletedOn;
            var last = points[points.Count - 1].CompletedOn;
            // The axis reaches the target and the projection when they are near enough to keep the runs readable.
            var reach = Math.Max(1, (last - first).TotalDays) * 3;
            var end = new[] { targetDate, projectedCompletion }
                .Where(d => d.HasValue && d.Value > last && (d.Value - first).TotalDays <= reach)
                .Select(d => d!.Value)
                .DefaultIfEmpty(last)
                .Max();
            var span = Math.Max(1.0, (end - first).TotalSeconds);
            var max = Math.Max(1, points.Max(p => Math.Max(p.Open, p.Accepted)));
            double X(int i, DateTimeOffset on) => (end - first).TotalSeconds <= 0
                ? Left + (Width - Left - Right) * (double)i / (points.Count - 1)
                : Left + (Width - Left - Right) * (on - first).TotalSeconds / span;
            double Y(int value) => Top + (Height - Top - Bottom) * (1 - (double)value / max);

            var svg = new StringBuilder();
            svg.Append("<svg class=\"chart burndown\" viewBox=\"0 0 ").Append(Width).Append(' ').Append(Height)
                .Append("\" width=\"").Append(Width).Append("\" height=\"").Append(Height)
                .Append("\" role=\"img\" aria-label=\"").Append(HtmlText.Escape(title))
                .Append("\"><title>").Append(HtmlText.Escape(title)).Append("</title>");
            // Axes with the highest count and zero, the first and last dates.
            svg.Append("<line x1=\"").Append(Left).Append("\" y1=\"").Append(N(Y(0)))
                .Append("\" x2=\"").Append(Width - Right).Append("\" y2=\"").Append(N(Y(0))).Append("\" stroke=\"#94a3b8\"/>");
            svg.Append("<line x1=\"").Append(Left).Append("\" y1=\"").Append(Top)
                .Append("\" x2=\"").Append(Left).Append("\" y2=\"").Append(N(Y(0))).Append("\" stroke=\"#94a3b8\"/>");
            Label(svg, Left - 6, Y(max) + 4, "end", max.ToString(CultureInfo.InvariantCulture));
            Label(svg, Left - 6, Y(0) + 4, "end", "0");
            Label(svg, Left, Height - 14, "start", ReportText.Day(first));
            Label(svg, Width - Right, Height - 14, "end", ReportText.Day(end));
            if (projectedCompletion.HasValue && projectedCompletion.Value > last && projectedCompletion.Value <= end)
            {
                svg.Append("<line class=\"projection\" x1=\"").Append(N(X(points.Count - 1, last)))
                    .Append("\" y1=\"").Append(N(Y(points[points.Count - 1].Open)))
                    .Append("\" x2=\"").Append(N(X(points.Count - 1, projectedCompletion.Value)))
                    .Append("\" y2=\"").Append(N(Y(0)))
                    .Append("\" stroke=\"#c53030\" stroke-opacity=\".5\" stroke-dasharray=\"6 4\"><title>")
                    .Append(HtmlText.Escape("Projected done " + ReportText.Day(projectedCompletion))).Append("</title></line>");
            }

            if (targetDate.HasValue && targetDate.Value > last && targetDate.Value <= end)
            {
                var tx = N(X(points.Count - 1, targetDate.Value));
                svg.Append("<line class=\"target\" x1=\"").Append(tx).Append("\" y1=\"").Append(Top)
                    .Append("\" x2=\"").Append(tx).Append("\" y2=\"").Append(N(Y(0)))
                    .Append("\" stroke=\"#0f4c81\" stroke-dasharray=\"2 3\"><title>")
                    .Append(HtmlText.Escape("Target " + ReportText.Day(targetDate))).Append("</title></line>");
            }

            Line(svg, points, (i, p) => (X(i, p.CompletedOn), Y(p.Accepted)), "accepted", "#6b7280", "5 4");
            Line(svg, points, (i, p) => (X(i, p.CompletedOn), Y(p.Open)), "open", "#c53030", null);
            for (var i = 0; i < points.Count; i++)
            {
                var p = points[i];
                svg.Append("<circle class=\"run\" cx=\"").Append(N(X(i, p.CompletedOn)))
                    .Append("\" cy=\"").Append(N(Y(p.Open)))
                    .Append("\" r=\"4\" fill=\"#c53030\" data-run-id=\"").Append(HtmlText.Escape(p.RunId))
                    .Append("\" data-open=\"").Append(p.Open)
                    .Append("\" data-accepted=\"").Append(p.Accepted)
                    .Append("\" data-completed-on=\"").Append(p.CompletedOn.ToUniversalTime().ToString("o", CultureInfo.InvariantCulture))
                    .Append("\"><title>")
                    .Append(HtmlText.Escape($"{ReportText.Date(p.CompletedOn)}: {p.Open} open, {p.Accepted} accepted"))
                    .Append("</title></circle>");
            }

            return svg.Append("</svg>").ToString();
        }

        private static void Line(
            StringBuilder svg,
            IReadOnlyList<ProgressPoint> points,
            Func<int, ProgressPoint, (double X, double Y)> at,
            string kind,
            string colour,
            string? dash)
        {
            svg.Append("<polyline class=\"").Append(kind).Append("\" fill=\"none\" stroke=\"").Append(colour)
                .Append("\" stroke-width=\"2\"")
                .Append(dash == null ? string.Empty : " stroke-dasharray=\"" + dash + "\"").Append(" points=\"")
                .Append(string.Join(" ", points.Select((p, i) => at(i, p)).Select(xy => N(xy.X) + "," + N(xy.Y)))).Append("\"/>");
        }

        private static void Label(StringBuilder svg, double x, double y, string anchor, string text) =>
            svg.Append("<text x=\"").Append(N(x)).Append("\" y=\"").Append(N(y))
                .Append("\" text-anchor=\"").Append(anchor).Append("\" class=\"axis-label\">")
                .Append(HtmlText.Escape(text)).Append("</text>");

        private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
    }
}
