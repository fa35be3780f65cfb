using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using FastTrack.Onboarding.Model.Reports;

namespace FastTrack.Onboarding.Engine.Reports
{
    /// <summary>
    /// Inline SVG charts drawn here, with no chart library, font or request: a donut, stacked
    /// horizontal bars and a timeline. Every label goes through <see cref="HtmlText.Escape"/>.
    /// Charts carry role="img" and a title for screen readers; the numbers are also in tables.
    /// </summary>
    internal static class SvgCharts
    {
        public sealed record Segment(string Label, int Value, string Colour);

        public sealed record Bar(string Label, IReadOnlyList<Segment> Segments);

        public static string Donut(string title, IReadOnlyList<Segment> segments, string centreText, string centreCaption)
        {
            const double radius = 70, stroke = 26;
            var total = segments.Sum(s => s.Value);
            var circumference = 2 * Math.PI * radius;
            var svg = new StringBuilder();
            svg.Append("<svg class=\"chart donut\" viewBox=\"0 0 180 180\" width=\"180\" height=\"180\" role=\"img\" aria-label=\"")
                .Append(HtmlText.Escape(title)).Append("\">");
            svg.Append("<title>").Append(HtmlText.Escape(title)).Append("</title>");
            svg.Append("<circle cx=\"90\" cy=\"90\" r=\"70\" fill=\"none\" stroke=\"#e5e7eb\" stroke-width=\"26\"/>");
            double offset = 0;
            foreach (var segment in segments.Where(s => s.Value > 0))
            {
                var length = circumference * segment.Value / total;
                // One stroked circle per segment, dash-offset to its place, starting at 12 o'clock.
                svg.Append("<circle cx=\"90\" cy=\"90\" r=\"").Append(N(radius))
                    .Append("\" fill=\"none\" stroke=\"").Append(segment.Colour)
                    .Append("\" stroke-width=\"").Append(N(stroke))
                    .Append("\" stroke-dasharray=\"").Append(N(length)).Append(' ').Append(N(circumference - length))
                    .Append("\" stroke-dashoffset=\"").Append(N(-offset)).Append("\" transform=\"rotate(-90 90 90)\"><title>")
                    .Append(HtmlText.Escape($"{segment.Label}: {segment.Value}")).Append("</title></circle>");
                offset += length;
            }

            svg.Append("<text x=\"90\" y=\"88\" text-anchor=\"middle\" class=\"donut-number\">")
                .Append(HtmlText.Escape(centreText)).Append("</text>");
            svg.Append("<text x=\"90\" y=\"110\" text-anchor=\"middle\" class=\"donut-caption\">")
                .Append(HtmlText.Escape(centreCaption)).Append("</text>");
            return svg.Append("</svg>").ToString();
        }

        public static string StackedBars(string title, IReadOnlyList<Bar> bars)
        {
            const int labelWidth = 180, barWidth = 520, countWidth = 50, rowHeight = 30, barHeight = 18;
            var width = labelWidth + barWidth + countWidth;
            var height = Math.Max(1, bars.Count) * rowHeight + 6;
            var max = Math.Max(1, bars.Select(b => b.Segments.Sum(s => s.Value)).DefaultIfEmpty(0).Max());
            var svg = new StringBuilder();
            svg.Append("<svg class=\"chart bars\" viewBox=\"0 0 ").Append(width).Append(' ').Append(height)
                .Append("\" width=\"").Append(width).Append("\" height=\"").Append(height)
                .Append("\" role=\"img\" aria-label=\"").Append(HtmlText.Escape(title))
                .Append("\"><title>").Append(HtmlText.Escape(title)).Append("</title>");
            for (var i = 0; i < bars.Count; i++)
            {
                var bar = bars[i];
                var y = i * rowHeight + 6;
                var total = bar.Segments.Sum(s => s.Value);
                svg.Append("<text x=\"").Append(labelWidth - 10).Append("\" y=\"").Append(y + 14)
                    .Append("\" text-anchor=\"end\" class=\"bar-label\">").Append(HtmlText.Escape(bar.Label)).Append("</text>");
                svg.Append("<rect x=\"").Append(labelWidth).Append("\" y=\"").Append(y)
                    .Append("\" width=\"").Append(barWidth).Append("\" height=\"").Append(barHeight)
                    .Append("\" rx=\"3\" fill=\"#f1f5f9\"/>");
                double x = labelWidth;
                foreach (var segment in bar.Segments.Where(s => s.Value > 0))
                {
                    var w = (double)barWidth * segment.Value / max;
                    svg.Append("<rect x=\"").Append(N(x)).Append("\" y=\"").Append(y)
                        .Append("\" width=\"").Append(N(w)).Append("\" height=\"").Append(barHeight)
                        .Append("\" fill=\"").Append(segment.Colour)
                        .Append("\"><title>").Append(HtmlText.Escape($"{bar.Label} — {segment.Label}: {segment.Value}"))
                        .Append("</title></rect>");
                    if (w >= 18)
                    {
                        svg.Append("<text x=\"").Append(N(x + w / 2)).Append("\" y=\"").Append(y + 13)
                            .Append("\" text-anchor=\"middle\" class=\"bar-value\">").Append(segment.Value).Append("</text>");
                    }

                    x += w;
                }

                svg.Append("<text x=\"").Append(labelWidth + barWidth + 8).Append("\" y=\"").Append(y + 14)
                    .Append("\" class=\"bar-total\">").Append(total).Append("</text>");
            }

            return svg.Append("</svg>").ToString();
        }

        /// <summary>A Gantt-style timeline: one row per task with dates; tasks without dates are listed but not drawn.</summary>
        public static string Timeline(string title, IReadOnlyList<ReportChecklistTask> tasks)
        {
            var dated = tasks.Where(t => t.StartDate.HasValue || t.DueDate.HasValue).ToList();
            if (dated.Count == 0)
            {
                return string.Empty;
            }

            var first = dated.Min(t => (t.StartDate ?? t.DueDate!.Value).UtcDateTime.Date);
            var last = dated.Max(t => (t.DueDate ?? t.StartDate!.Value).UtcDateTime.Date);
            var days = Math.Max(1, (last - first).TotalDays);
            const int labelWidth = 300, plotWidth = 560, rowHeight = 22, top = 28;
            var width = labelWidth + plotWidth + 20;
            var height = top + dated.Count * rowHeight + 8;
            var svg = new StringBuilder();
            svg.Append("<svg class=\"chart timeline\" viewBox=\"0 0 ").Append(width).Append(' ').Append(height)
                .Append("\" width=\"").Append(width).Append("\" height=\"").Append(height)
                .Append("\" role=\"img\" aria-label=\"").Append(HtmlText.Escape(title))
                .Append("\"><title>").Append(HtmlText.Escape(title)).Append("</title>");

            // Week grid lines with dates, so "when" is readable without hovering.
            var step = days > 120 ? 28 : days > 42 ? 14 : days > 14 ? 7 : 1;
            for (var d = 0; d <= days; d += step)
            {
                var x = labelWidth + plotWidth * d / days;
                svg.Append("<line x1=\"").Append(N(x)).Append("\" y1=\"").Append(top - 6)
                    .Append("\" x2=\"").Append(N(x)).Append("\" y2=\"").Append(height - 4).Append("\" class=\"grid\"/>");
                svg.Append("<text x=\"").Append(N(x)).Append("\" y=\"14\" text-anchor=\"middle\" class=\"axis\">")
                    .Append(first.AddDays(d).ToString("d MMM", CultureInfo.InvariantCulture)).Append("</text>");
            }

            for (var i = 0; i < dated.Count; i++)
            {
                var task = dated[i];
                var start = (task.StartDate ?? task.DueDate!.Value).UtcDateTime.Date;
                var end = (task.DueDate ?? task.StartDate!.Value).UtcDateTime.Date;
                var x = labelWidth + plotWidth * (start - first).TotalDays / days;
                var w = Math.Max(6, plotWidth * (end - start).TotalDays / days);
                var y = top + i * rowHeight;
                var label = (task.Order > 0 ? task.Order.ToString(CultureInfo.InvariantCulture) + ". " : string.Empty)
                    + Shorten(task.Title, 40);
                svg.Append("<text x=\"").Append(labelWidth - 8).Append("\" y=\"").Append(y + 13)
                    .Append("\" text-anchor=\"end\" class=\"bar-label\">").Append(HtmlText.Escape(label)).Append("</text>");
                svg.Append("<rect x=\"").Append(N(x)).Append("\" y=\"").Append(y + 2)
                    .Append("\" width=\"").Append(N(w)).Append("\" height=\"14\" rx=\"3\" fill=\"").Append(PriorityColour(task.Priority))
                    .Append("\"><title>")
                    .Append(HtmlText.Escape($"{task.Title} ({task.Priority ?? "no priority"}): {start:yyyy-MM-dd} → {end:yyyy-MM-dd}"))
                    .Append("</title></rect>");
            }

            return svg.Append("</svg>").ToString();
        }

        public static string PriorityColour(string? priority)
        {
            switch ((priority ?? string.Empty).ToUpperInvariant())
            {
                case "HIGH": case "CRITICAL": return "#c53030";
                case "MEDIUM": return "#c27c0e";
                case "LOW": return "#6b7280";
                default: return "#2b6cb0";
            }
        }

        private static string Shorten(string text, int max) => text.Length <= max ? text : text.Substring(0, max - 1) + "…";

        private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
    }
}
