using System.IO;

namespace FastTrack.Onboarding.Engine.Reports
{
    /// <summary>One report format: writes the whole document to a stream (the caller makes the write atomic).</summary>
    public interface IReportWriter
    {
        void Write(ReportContent content, Stream stream);
    }
}
