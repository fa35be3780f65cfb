using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using FastTrack.Onboarding.Model.Errors;

namespace FastTrack.Onboarding.Engine.History
{
    /// <summary>
    /// The history in an Azure Blob Storage container (Azure Automation jobs keep no disk). New
    /// documents are uploaded with If-None-Match: *, so a name that exists is never replaced. The
    /// container is created on first need, by ONE shared creation task per store: concurrent writers
    /// await the same task instead of racing, and a 409 from another process that won is success.
    /// </summary>
    public sealed class BlobHistoryStore : IHistoryStore
    {
        private readonly BlobContainerClient _container;
        private readonly object _gate = new object();
        private Task? _containerCreation;

        public BlobHistoryStore(BlobContainerClient container, string displayLocation)
        {
            _container = container;
            DisplayLocation = displayLocation;
        }

        public string DisplayLocation { get; }

        public Task CreateAsync(string name, byte[] content, CancellationToken cancellationToken) =>
            UploadAsync(name, content, new BlobRequestConditions { IfNoneMatch = ETag.All }, cancellationToken);

        public Task PutAsync(string name, byte[] content, CancellationToken cancellationToken) =>
            UploadAsync(name, content, null, cancellationToken);

        public async Task<byte[]?> ReadAsync(string name, CancellationToken cancellationToken)
        {
            try
            {
                var result = await _container.GetBlobClient(name).DownloadContentAsync(cancellationToken).ConfigureAwait(false);
                return result.Value.Content.ToArray();
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                return null;
            }
            catch (RequestFailedException e)
            {
                throw Failure(e, name);
            }
        }

        public async Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken)
        {
            var names = new List<string>();
            try
            {
                await foreach (var blob in _container.GetBlobsAsync(BlobTraits.None, BlobStates.None, prefix, cancellationToken)
                    .ConfigureAwait(false))
                {
                    names.Add(blob.Name);
                }
            }
            catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound)
            {
                return Array.Empty<string>();
            }
            catch (RequestFailedException e)
            {
                throw Failure(e, prefix);
            }

            names.Sort(StringComparer.Ordinal);
            return names;
        }

        private async Task UploadAsync(string name, byte[] content, BlobRequestConditions? conditions, CancellationToken cancellationToken)
        {
            // Upload first: with a container-scoped SAS the container exists and may not be creatable.
            for (var attempt = 0; ; attempt++)
            {
                try
                {
                    using var stream = new MemoryStream(content, writable: false);
                    await _container.GetBlobClient(name)
                        .UploadAsync(stream, new BlobUploadOptions { Conditions = conditions }, cancellationToken)
                        .ConfigureAwait(false);
                    return;
                }
                catch (RequestFailedException e) when (e.ErrorCode == BlobErrorCode.ContainerNotFound && attempt == 0)
                {
                    await EnsureContainerAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (RequestFailedException e) when (conditions != null && (e.Status == 409 || e.Status == 412))
                {
                    throw new FastTrackException(ErrorIds.HistoryDocumentExists, FailureKind.ResourceExists,
                        $"The history document '{name}' already exists in {DisplayLocation}; it was not replaced.",
                        "Record the run again: each run gets a new name.",
                        e,
                        name);
                }
                catch (RequestFailedException e)
                {
                    throw Failure(e, name);
                }
            }
        }

        /// <summary>Every concurrent writer awaits the same creation; a failed creation is forgotten so a later call may retry.</summary>
        internal Task EnsureContainerAsync(CancellationToken cancellationToken)
        {
            Task creation;
            lock (_gate)
            {
                if (_containerCreation == null || _containerCreation.IsFaulted || _containerCreation.IsCanceled)
                {
                    // Not tied to one caller's token: cancelling one writer must not fail the others' shared task.
                    _containerCreation = CreateContainerAsync();
                }

                creation = _containerCreation;
            }

            return creation.IsCompleted ? creation : WaitAsync(creation, cancellationToken);
        }

        private static async Task WaitAsync(Task task, CancellationToken cancellationToken)
        {
            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(() => cancelled.TrySetCanceled()))
            {
                await (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false)).ConfigureAwait(false);
            }
        }

        private async Task CreateContainerAsync()
        {
            try
            {
                await _container.CreateAsync(cancellationToken: CancellationToken.None).ConfigureAwait(false);
            }
            catch (RequestFailedException e) when (e.Status == 409 && e.ErrorCode == BlobErrorCode.ContainerAlreadyExists)
            {
                // Another process created it first: that is the outcome wanted.
            }
            catch (RequestFailedException e)
            {
                throw Failure(e, DisplayLocation);
            }
        }

        private FastTrackException Failure(RequestFailedException e, string target)
        {
            // e.Message can quote the request URI; only status and error code are safe to show (no SAS).
            var what = $"HTTP {e.Status}{(string.IsNullOrEmpty(e.ErrorCode) ? string.Empty : " " + e.ErrorCode)}";
            if (e.Status == 401 || e.Status == 403)
            {
                return new FastTrackException(ErrorIds.HistoryAccessDenied, FailureKind.PermissionDenied,
                    $"The history container {DisplayLocation} refused access ({what}).",
                    "Grant the identity 'Storage Blob Data Contributor' on the container, "
                        + "or pass a SAS with read, list, write and create rights.",
                    null,
                    target);
            }

            return new FastTrackException(ErrorIds.HistoryUnavailable, FailureKind.ResourceUnavailable,
                $"The history container {DisplayLocation} could not be used ({what}).",
                "Check the storage account name and network access, then run again.",
                null,
                target);
        }
    }
}
