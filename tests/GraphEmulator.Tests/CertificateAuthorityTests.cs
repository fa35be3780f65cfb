using Xunit;

namespace FastTrack.Onboarding.GraphEmulator.Tests;

public sealed class CertificateAuthorityTests
{
    [Fact]
    public async Task Concurrent_starts_on_one_state_dir_agree_on_the_CA_and_reuse_it()
    {
        var dir = Directory.CreateTempSubdirectory("ftemu-ca-").FullName;
        try
        {
            var cas = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => TestCertificateAuthority.LoadOrCreate(dir))));
            var pem = await File.ReadAllTextAsync(Path.Combine(dir, "ca.pem"));
            foreach (var ca in cas)
            {
                Assert.Equal(pem.Trim(), ca.CaCertificatePem.Trim());
                Assert.True(TestCertificateAuthority.ValidateAgainst(ca.CaCertificate, ca.ServerCertificate));
                Assert.Equal(TestCertificateAuthority.CaSubject, ca.CaCertificate.Subject);
                ca.Dispose();
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}
