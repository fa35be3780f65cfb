using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace FastTrack.Onboarding.Engine.Collection
{
    /// <summary>
    /// A read-only view of a response stream that fails with <see cref="ResponseTooLargeException"/>
    /// once more than <c>limit</c> bytes came through: what is parsed whole can never grow without end.
    /// </summary>
    internal sealed class CappedReadStream : Stream
    {
        private readonly Stream _inner;
        private readonly long _limit;
        private readonly string _what;
        private long _read;

        public CappedReadStream(Stream inner, long limit, string what)
        {
            _inner = inner;
            _limit = limit;
            _what = what;
        }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(_inner.Read(buffer, offset, count));

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            Count(await _inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false));

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        private int Count(int read)
        {
            _read += read;
            if (_read > _limit)
            {
                throw new ResponseTooLargeException(
                    $"{_what} is larger than {Size(_limit)}, far beyond any real Graph answer; reading stopped there.");
            }

            return read;
        }

        private static string Size(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MB" : $"{bytes} bytes";
    }
}
