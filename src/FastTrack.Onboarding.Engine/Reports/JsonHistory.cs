using System;
using System.Collections.Generic;
using System.Text.Json;
using FastTrack.Onboarding.Model.History;
using FastTrack.Onboarding.Model.Reports;

namespace FastTrack.Onboarding.Engine.Reports
{
    /// <summary>
    /// The JSON report's "history": provenance, burn-down points, changes, agenda, skipped documents ("history": null without one).
    /// </summary>
    internal static class JsonHistory
    {
        public static void Write(Utf8JsonWriter json, ReportHistory? history)
        {
            if (history == null)
            {
                json.WriteNull("history");
                return;
            }

            json.WriteStartObject("history");
            json.WriteString("location", history.Location);
            Provenance(json, history.Provenance);
            var progress = history.Progress;
            json.WriteStartObject("progress");
            json.WriteNumber("runs", progress.Points.Count);
            json.WriteNumber("openNow", progress.OpenNow);
            json.WriteStartArray("points");
            foreach (var p in progress.Points)
            {
                json.WriteStartObject();
                json.WriteString("runId", p.RunId);
                json.WriteString("completedOn", p.CompletedOn);
                json.WriteNumber("open", p.Open);
                json.WriteNumber("accepted", p.Accepted);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            Items(json, "resolved", progress.Resolved);
            Items(json, "new", progress.New);
            Items(json, "regressed", progress.Regressed);
            json.WriteNumber("velocityPerWeek", progress.VelocityPerWeek);
            Date(json, "projectedCompletion", progress.ProjectedCompletion);
            Date(json, "targetDate", progress.TargetDate);
            if (progress.OnTrack.HasValue) json.WriteBoolean("onTrack", progress.OnTrack.Value);
            else json.WriteNull("onTrack");
            json.WriteEndObject();
            Agenda(json, history.Agenda);
            json.WriteStartArray("skipped");
            foreach (var problem in history.Skipped)
            {
                json.WriteStartObject();
                json.WriteString("document", problem.DocumentName);
                json.WriteString("errorId", problem.ErrorId);
                json.WriteString("message", problem.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        private static void Provenance(Utf8JsonWriter json, HistoryRun? run)
        {
            if (run == null)
            {
                json.WriteNull("provenance");
                return;
            }

            json.WriteStartObject("provenance");
            json.WriteString("runId", run.RunId);
            json.WriteString("ranBy", run.RanBy);
            json.WriteString("ranByKind", run.RanByKind);
            json.WriteString("moduleVersion", run.ModuleVersion);
            json.WriteNumber("durationSeconds", Math.Round(run.Duration.TotalSeconds, 3));
            json.WriteStartArray("failedDatasets");
            foreach (var d in run.FailedDatasets) json.WriteStringValue(d);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        private static void Agenda(Utf8JsonWriter json, ReviewAgenda? agenda)
        {
            if (agenda == null)
            {
                json.WriteNull("agenda");
                return;
            }

            json.WriteStartObject("agenda");
            json.WriteString("reviewOn", agenda.ReviewOn);
            Date(json, "previousReviewOn", agenda.PreviousReviewOn);
            json.WriteString("nextReviewOn", agenda.NextReviewOn);
            json.WriteNumber("slipped", agenda.Slipped.Count);
            json.WriteStartArray("items");
            foreach (var item in agenda.Items)
            {
                json.WriteStartObject();
                json.WriteNumber("rank", item.Rank);
                json.WriteString("reason", item.Reason.ToString());
                json.WriteString("checkId", item.CheckId);
                json.WriteString("title", item.Title);
                json.WriteString("area", item.Area);
                json.WriteString("owner", item.Owner);
                json.WriteString("dueOn", item.DueOn);
                json.WriteNumber("daysOverdue", item.DaysOverdue);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        private static void Items(Utf8JsonWriter json, string name, IReadOnlyList<ProgressItem> items)
        {
            json.WriteStartArray(name);
            foreach (var item in items) json.WriteStringValue(item.CheckId);
            json.WriteEndArray();
        }

        private static void Date(Utf8JsonWriter json, string name, DateTimeOffset? value)
        {
            if (value.HasValue) json.WriteString(name, value.Value);
            else json.WriteNull(name);
        }
    }
}
