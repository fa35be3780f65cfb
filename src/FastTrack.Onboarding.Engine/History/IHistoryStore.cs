using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace FastTrack.Onboarding.Engine.History
{
    /// <summary>
    /// Where run documents (and the plan and exceptions kept beside them) live: a local folder or a
    /// blob container. Names are relative and use '/' ("runs/&lt;tenant&gt;/&lt;stamp&gt;-&lt;id&gt;.json").
    /// Stores never delete: a document the module cannot read may be someone else's or evidence of a fault.
    /// </summary>
    public interface IHistoryStore
    {
        /// <summary>The location as it may be shown or saved: never a SAS, key or connection string.</summary>
        string DisplayLocation { get; }

        /// <summary>Creates a new document; throws FastTrack.HistoryDocumentExists rather than replace one (If-None-Match: *).</summary>
        Task CreateAsync(string name, byte[] content, CancellationToken cancellationToken);

        /// <summary>Writes a document, replacing any previous content (the plan, the exceptions).</summary>
        Task PutAsync(string name, byte[] content, CancellationToken cancellationToken);

        /// <summary>The document's bytes, or null when there is none.</summary>
        Task<byte[]?> ReadAsync(string name, CancellationToken cancellationToken);

        /// <summary>The names under a prefix, in ordinal order.</summary>
        Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken);
    }
}
