using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Security;
using FastTrack.Onboarding.Engine.Notifications;
using FastTrack.Onboarding.Engine.Reports;
using FastTrack.Onboarding.Infrastructure;
using FastTrack.Onboarding.Model.Assessment;
using FastTrack.Onboarding.Model.Connectivity;
using FastTrack.Onboarding.Model.Errors;
using FastTrack.Onboarding.Model.Notifications;
using FastTrack.Onboarding.Model.Reports;

namespace FastTrack.Onboarding.Commands.Report
{
    /// <summary>
    /// Send-FastTrackReport: tells the team where onboarding stands — an Adaptive Card to a Teams
    /// webhook and/or an e-mail through Graph with the HTML report attached. One ReportDelivery per
    /// channel; a failed channel is a non-terminating error and never hides the other's result.
    /// </summary>
    [Cmdlet(VerbsCommunications.Send, "FastTrackReport", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(ReportDelivery))]
    public sealed class SendFastTrackReportCommand : ConnectedCmdlet
    {
        private readonly List<object> _inputs = new List<object>();

        /// <summary>An AssessmentReport (Invoke-FastTrackAssessment) and optionally
        /// a ConnectivityReport (Test-FastTrackConnectivity -AsReport).</summary>
        [Parameter(Mandatory = true, ValueFromPipeline = true)]
        [ValidateNotNull]
        public object[] InputObject { get; set; } = Array.Empty<object>();

        /// <summary>The Teams incoming-webhook or Workflows URL: a SecureString (recommended) or a string.</summary>
        [Parameter]
        [ValidateNotNull]
        public object? TeamsWebhookUrl { get; set; }

        /// <summary>The mailbox the mail is sent from (UPN or object id); needs Mail.Send.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? From { get; set; }

        /// <summary>Mail recipients.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string[]? To { get; set; }

        /// <summary>The mail subject; defaults to the summary's title.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? Subject { get; set; }

        /// <summary>The run history (folder or blob container URL): the summary gains
        /// a Progress block and the attached report its Progress section.</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string? HistoryPath { get; set; }

        /// <summary>Send the mail without the HTML report.</summary>
        [Parameter]
        public SwitchParameter NoAttachment { get; set; }

        /// <summary>Open items named in the summary (worst first).</summary>
        [Parameter]
        [ValidateRange(0, 50)]
        public int Top { get; set; } = ReportSummary.DefaultTopItems;

        [Parameter]
        [ValidateRange(5, 600)]
        public int RequestTimeoutSeconds { get; set; } = 60;

        /// <summary>The most one channel may take, retries after 429 included.</summary>
        [Parameter]
        [ValidateRange(10, 3600)]
        public int DeadlineSeconds { get; set; } = 300;

        protected override void ProcessRecord() =>
            _inputs.AddRange(InputObject.Select(i => i is PSObject wrapped ? wrapped.BaseObject : i));

        protected override void EndProcessing()
        {
            var assessments = _inputs.OfType<AssessmentReport>().ToList();
            var connectivity = _inputs.OfType<ConnectivityReport>().ToList();
            var unknown = _inputs.FirstOrDefault(i => !(i is AssessmentReport) && !(i is ConnectivityReport));
            if (unknown != null || assessments.Count != 1 || connectivity.Count > 1)
            {
                Fail(
                    unknown != null
                        ? $"-InputObject takes an AssessmentReport and optionally a ConnectivityReport, not {unknown.GetType().Name}."
                        : assessments.Count == 0
                            ? "There is no assessment to summarise."
                            : "One summary takes one assessment and at most one connectivity report.",
                    "Pipe the output of Invoke-FastTrackAssessment (and optionally Test-FastTrackConnectivity -AsReport).",
                    unknown);
            }

            var wantsMail = From != null || To != null;
            if (TeamsWebhookUrl == null && !wantsMail)
                Fail("Nothing to send to: give -TeamsWebhookUrl, or -From and -To, or both.", "Name at least one channel.", null);
            if (wantsMail && (From == null || To == null))
                Fail(
                    "Mail needs both -From (the sending mailbox) and -To (the recipients).",
                    "Pass -From admin@contoso.com -To team@contoso.com.",
                    null);

            var webhook = TeamsWebhookUrl == null ? null : Webhook(TeamsWebhookUrl);
            var history = HistoryPath == null ? null : ReportHistoryAccess.Read(this, HistoryPath, assessments[0], DateTimeOffset.UtcNow);
            var summary = ReportSummary.From(
                assessments[0],
                connectivity.FirstOrDefault(),
                Top,
                history == null ? null : new[] { ProgressSummarySection.From(history) });
            var options = new DeliveryOptions
            {
                RequestTimeout = TimeSpan.FromSeconds(RequestTimeoutSeconds),
                Deadline = TimeSpan.FromSeconds(DeadlineSeconds)
            };
            var sendTeams = webhook != null
                && ShouldProcess("Teams " + webhook.Description, $"Post the summary card of {summary.TenantLabel}");
            var sendMail = wantsMail
                && ShouldProcess(
                    $"mail from {From} to {string.Join(", ", To!)}",
                    $"Send the summary of {summary.TenantLabel}{(NoAttachment ? string.Empty : " with the HTML report attached")}");
            var connection = sendMail ? TryResolveConnection() : null;
            ChannelOutcome? notConnected = null;
            if (sendMail && connection == null)
            {
                // The mail channel fails on its own; the Teams card still goes out.
                sendMail = false;
                var failure = new FastTrackException(ErrorIds.NotConnected, FailureKind.InvalidOperation,
                    "The mail was not sent: there is no connection to a tenant in this session.",
                    "Run Connect-FastTrackTenant with a connection granted Mail.Send (or pass -Connection), then send again.");
                notConnected = new ChannelOutcome(new ReportDelivery
                {
                    Channel = DeliveryChannel.Mail,
                    Status = DeliveryStatus.Failed,
                    Destination = "from " + From,
                    Recipients = To!,
                    Subject = Subject ?? summary.Title,
                    ErrorId = failure.ErrorId,
                    Error = failure.Message,
                    CompletedOn = DateTimeOffset.UtcNow,
                }, failure);
            }

            var mail = sendMail ? MailFor(summary, assessments[0], connectivity.FirstOrDefault(), history) : null;
            var outcomes = !sendTeams && !sendMail ? new List<ChannelOutcome>() : RunEngine(async (log, ct) =>
            {
                var results = new List<ChannelOutcome>();
                if (sendTeams) results.Add(await TeamsWebhookSender.SendAsync(webhook!, summary, options, log, ct).ConfigureAwait(false));
                if (mail != null)
                    results.Add(await MailReportSender.SendAsync(connection!.Session, mail, options, log, ct).ConfigureAwait(false));
                return results;
            });
            if (notConnected != null) outcomes.Add(notConnected);

            foreach (var outcome in outcomes)
            {
                if (outcome.Failure != null) WriteError(ErrorRecords.From(outcome.Failure));
                WriteObject(outcome.Delivery);
            }
        }

        private WebhookAddress Webhook(object value)
        {
            var raw = value is PSObject wrapped ? wrapped.BaseObject : value;
            try
            {
                if (raw is SecureString secure) return WebhookAddress.From(secure);
                if (raw is string text)
                {
                    WriteWarningSafely("-TeamsWebhookUrl was given as plain text. The URL is a secret (anyone holding "
                        + "it can post to the channel): keep it in a vault or an Automation encrypted variable and "
                        + "pass it as a SecureString, e.g. (Get-Secret TeamsWebhook) or (Read-Host -AsSecureString).");
                    return WebhookAddress.Parse(text);
                }
            }
            catch (FastTrackException e)
            {
                ThrowTerminatingError(ErrorRecords.From(e));
            }

            Fail($"-TeamsWebhookUrl takes a SecureString or a string, not {raw.GetType().Name}.", "Pass the URL as a SecureString.", null);
            return null!;
        }

        private MailRequest MailFor(
            ReportSummary summary,
            AssessmentReport assessment,
            ConnectivityReport? connectivity,
            ReportHistory? history)
        {
            byte[]? html = null;
            if (!NoAttachment)
            {
                using var buffer = new MemoryStream();
                ReportExporter.Render(new ReportInput
                {
                    Assessment = assessment,
                    Connectivity = connectivity,
                    History = history,
                    GeneratedOn = DateTimeOffset.UtcNow,
                    GeneratorVersion = MyInvocation.MyCommand.Module?.Version?.ToString() ?? "0.0.0",
                }, ReportFormat.Html, buffer);
                html = buffer.ToArray();
            }

            return new MailRequest
            {
                From = From!,
                To = To!,
                Subject = Subject ?? summary.Title,
                BodyHtml = MailBodyBuilder.Build(summary, html != null),
                AttachmentName = "fasttrack-"
                    + string.Concat((assessment.InitialDomain ?? assessment.TenantId)
                        .Select(c => char.IsLetterOrDigit(c) || c == '.' || c == '-' ? c : '-'))
                    + ".html",
                Attachment = html,
            };
        }

        private void Fail(string message, string action, object? target) =>
            ThrowTerminatingError(ErrorRecords.From(new FastTrackException(
                ErrorIds.ReportSendInvalidInput,
                FailureKind.InvalidArgument,
                message,
                action,
                targetObject: target)));
    }
}
