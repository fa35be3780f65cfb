using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FastTrack.Onboarding.Engine.IO;
using FastTrack.Onboarding.Model.Errors;

namespace FastTrack.Onboarding.Engine.History
{
    /// <summary>
    /// The history in a local folder. New documents are created with a no-clobber move (the file
    /// system's If-None-Match: *), so concurrent runs never overwrite each other; files are owner-only
    /// because run documents name users.
    /// </summary>
    public sealed class LocalHistoryStore : IHistoryStore
    {
        private readonly string _root;

        public LocalHistoryStore(string folder)
        {
            _root = Path.GetFullPath(folder);
        }

        public string DisplayLocation => _root;

        public Task CreateAsync(string name, byte[] content, CancellationToken cancellationToken) =>
            Write(name, content, overwrite: false, cancellationToken);

        public Task PutAsync(string name, byte[] content, CancellationToken cancellationToken) =>
            Write(name, content, overwrite: true, cancellationToken);

        public Task<byte[]?> ReadAsync(string name, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = PathOf(name);
            try
            {
                return Task.FromResult<byte[]?>(File.Exists(path) ? File.ReadAllBytes(path) : null);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new FastTrackException(ErrorIds.HistoryUnavailable, FailureKind.ResourceUnavailable,
                    $"'{path}' could not be read: {e.Message}",
                    "Check the history folder's permissions.",
                    e,
                    path);
            }
        }

        public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!Directory.Exists(_root))
            {
                return Task.FromResult<IReadOnlyList<string>>(Array.Empty<string>());
            }

            var names = Directory.EnumerateFiles(_root, "*.json", SearchOption.AllDirectories)
                .Select(path => path
                    .Substring(_root.Length)
                    .TrimStart(Path.DirectorySeparatorChar)
                    .Replace(Path.DirectorySeparatorChar, '/'))
                .Where(name => name.StartsWith(prefix, StringComparison.Ordinal)
                    && !Path.GetFileName(name).StartsWith(".", StringComparison.Ordinal))
                .OrderBy(name => name, StringComparer.Ordinal)
                .ToList();
            return Task.FromResult<IReadOnlyList<string>>(names);
        }

        private Task Write(string name, byte[] content, bool overwrite, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var path = PathOf(name);
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                AtomicFile.Write(path, stream => stream.Write(content, 0, content.Length), overwrite, privateFile: true);
            }
            catch (IOException e) when (!overwrite && File.Exists(path))
            {
                throw new FastTrackException(ErrorIds.HistoryDocumentExists, FailureKind.ResourceExists,
                    $"'{path}' already exists; it was not replaced.",
                    "Record the run again: each run gets a new name.",
                    e,
                    path);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                throw new FastTrackException(ErrorIds.HistoryWriteFailed, FailureKind.PermissionDenied,
                    $"'{path}' could not be written: {e.Message}",
                    "Choose a -HistoryPath folder you can write to.",
                    e,
                    path);
            }

            return Task.CompletedTask;
        }

        private string PathOf(string name)
        {
            var path = Path.GetFullPath(Path.Combine(_root, name.Replace('/', Path.DirectorySeparatorChar)));
            if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            {
                throw new FastTrackException(ErrorIds.HistoryLocationInvalid, FailureKind.InvalidArgument,
                    $"'{name}' is outside the history folder.",
                    "Use document names as the history lists them.",
                    targetObject: name);
            }

            return path;
        }
    }
}
