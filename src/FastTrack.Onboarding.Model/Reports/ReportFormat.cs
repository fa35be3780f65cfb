namespace FastTrack.Onboarding.Model.Reports
{
    /// <summary>The file formats Export-FastTrackReport writes.</summary>
    public enum ReportFormat
    {
        /// <summary>One self-contained page: inline CSS, script and SVG charts, no request to any host.</summary>
        Html,

        /// <summary>GitHub-flavoured Markdown.</summary>
        Markdown,

        /// <summary>Schema-versioned JSON (schemas/assessment-report.schema.json in the module).</summary>
        Json,

        /// <summary>One row per item, formula injection neutralised.</summary>
        Csv,

        /// <summary>JUnit XML for CI pipelines: one test case per check.</summary>
        JUnit,
    }
}
