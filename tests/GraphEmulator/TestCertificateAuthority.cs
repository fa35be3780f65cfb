using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>
/// A throw-away root CA and a loopback server certificate signed by it. MSAL insists on an https
/// authority, so the token endpoint needs TLS a client can really validate (SSL_CERT_FILE or a
/// custom trust store) instead of switching validation off.
/// </summary>
public sealed class TestCertificateAuthority : IDisposable
{
    public const string CaSubject = "CN=FastTrack Emulator Test Root CA";

    private TestCertificateAuthority(X509Certificate2 ca, X509Certificate2 server, string caPath)
    {
        CaCertificate = ca;
        ServerCertificate = server;
        CaCertificatePath = caPath;
        CaCertificatePem = ca.ExportCertificatePem();
    }

    public X509Certificate2 CaCertificate { get; }
    public X509Certificate2 ServerCertificate { get; }
    public string CaCertificatePath { get; }
    public string CaCertificatePem { get; }

    /// <summary>Loads ca.pem/ca.key/server.pfx from <paramref name="stateDir"/> when valid, else creates them.</summary>
    public static TestCertificateAuthority LoadOrCreate(string stateDir)
    {
        stateDir = Path.GetFullPath(stateDir);
        Directory.CreateDirectory(stateDir);
        // Servers started together (parallel test classes, several CLI instances) share a state dir:
        // without this lock one could serve a certificate that another's ca.pem does not sign.
        using var gate = AcquireLock(Path.Combine(stateDir, ".lock"));
        string caPem = Path.Combine(stateDir, "ca.pem"),
            caKey = Path.Combine(stateDir, "ca.key"),
            serverPfx = Path.Combine(stateDir, "server.pfx");
        if (File.Exists(caPem) && File.Exists(caKey) && File.Exists(serverPfx))
        {
            try
            {
                var ca = X509Certificate2.CreateFromPemFile(caPem, caKey);
                var server = X509CertificateLoader.LoadPkcs12FromFile(serverPfx, null, X509KeyStorageFlags.Exportable);
                if (ca.NotAfter > DateTime.Now.AddDays(1) && server.NotAfter > DateTime.Now.AddDays(1) && ValidateAgainst(ca, server))
                    return new TestCertificateAuthority(ca, server, caPem);
            }
            catch (CryptographicException)
            {
                // Corrupt or partial state: fall through and regenerate.
            }
        }

        using var caRsa = RSA.Create(2048);
        var caReq = new CertificateRequest(CaSubject, caRsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caReq.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 1, true));
        caReq.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        caReq.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(caReq.PublicKey, false));
        var now = DateTimeOffset.UtcNow.AddMinutes(-5);
        var caCert = caReq.CreateSelfSigned(now, now.AddYears(5));

        using var serverRsa = RSA.Create(2048);
        var serverReq = new CertificateRequest("CN=localhost", serverRsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddIpAddress(IPAddress.IPv6Loopback);
        san.AddDnsName("localhost");
        serverReq.CertificateExtensions.Add(san.Build());
        serverReq.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        serverReq.CertificateExtensions.Add(
            new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        serverReq.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        serverReq.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(caCert, true, false));
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        using var serverPublic = serverReq.Create(caCert, now, now.AddYears(2), serial);
        using var serverWithKey = serverPublic.CopyWithPrivateKey(serverRsa);

        WriteAtomic(caKey, caRsa.ExportPkcs8PrivateKeyPem());
        File.WriteAllBytes(serverPfx + ".tmp", serverWithKey.Export(X509ContentType.Pkcs12));
        File.Move(serverPfx + ".tmp", serverPfx, true);
        WriteAtomic(caPem, caCert.ExportCertificatePem() + "\n");

        // Re-load from PKCS#12 so Kestrel on Linux gets a key it can use for TLS.
        var server2 = X509CertificateLoader.LoadPkcs12FromFile(serverPfx, null, X509KeyStorageFlags.Exportable);
        return new TestCertificateAuthority(caCert, server2, caPem);
    }

    /// <summary>Validates a server chain against this CA only (what a client given ca.pem does).</summary>
    public static bool ValidateAgainst(X509Certificate2 caCertificate, X509Certificate2? serverCertificate)
    {
        if (serverCertificate is null) return false;
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(caCertificate);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(serverCertificate);
    }

    private static FileStream AcquireLock(string path)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(25);
            }
        }
    }

    private static void WriteAtomic(string path, string text)
    {
        File.WriteAllText(path + ".tmp", text);
        File.Move(path + ".tmp", path, true);
    }

    public void Dispose()
    {
        CaCertificate.Dispose();
        ServerCertificate.Dispose();
    }
}
