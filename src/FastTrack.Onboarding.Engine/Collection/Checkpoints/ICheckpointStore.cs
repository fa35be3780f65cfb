using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace FastTrack.Onboarding.Engine.Collection.Checkpoints
{
    /// <summary>
    /// Where a checkpoint is kept beyond the local disk: the history's stores (a folder, or a blob container for Azure
    /// Automation, whose sandbox disk does not survive a job being unloaded). Names are relative and use '/'.
    /// </summary>
    public interface ICheckpointStore
    {
        /// <summary>Where it is, as it may be shown (never a SAS or key).</summary>
        string DisplayLocation { get; }

        Task PutAsync(string name, byte[] content, CancellationToken cancellationToken);

        Task<byte[]?> ReadAsync(string name, CancellationToken cancellationToken);

        Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken);
    }
}
