using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace FastTrack.Onboarding.Engine.Connectivity
{
    /// <summary>
    /// Full chain validation, never switched off. The platform's verdict stands; the only thing added is
    /// trust in caller-supplied roots (tests, air-gapped mirrors, or an enterprise inspection CA the admin
    /// wants named): a chain that fails only because its root is unknown passes when that root is one of
    /// them and nothing else is wrong. netstandard2.0 has no CustomTrustStore, hence the second chain build.
    /// </summary>
    internal sealed class CertificateValidator
    {
        private readonly IReadOnlyList<X509Certificate2> _extraRoots;
        private readonly HashSet<string> _extraRootThumbprints;

        public CertificateValidator(IEnumerable<string> extraRootsPem)
        {
            _extraRoots = (extraRootsPem ?? Array.Empty<string>()).SelectMany(ParsePem).ToList();
            _extraRootThumbprints = new HashSet<string>(_extraRoots.Select(c => c.Thumbprint), StringComparer.OrdinalIgnoreCase);
        }

        public CertificateVerdict Validate(X509Certificate? certificate, X509Chain? presentedChain, SslPolicyErrors errors)
        {
            if (certificate == null) return new CertificateVerdict(false, "", "", "the server sent no certificate");
            using var leaf = new X509Certificate2(certificate);
            var issuer = leaf.Issuer;
            var issuerCn = leaf.GetNameInfo(X509NameType.SimpleName, forIssuer: true) ?? issuer;

            if (errors == SslPolicyErrors.None) return new CertificateVerdict(true, issuer, issuerCn, "");
            if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
                return new CertificateVerdict(false, issuer, issuerCn, "the certificate does not name this host");
            if (errors != SslPolicyErrors.RemoteCertificateChainErrors || _extraRoots.Count == 0)
                return new CertificateVerdict(false, issuer, issuerCn, Describe(presentedChain, errors));

            return ChainsToExtraRoot(leaf, presentedChain, out var why)
                ? new CertificateVerdict(true, issuer, issuerCn, "")
                : new CertificateVerdict(false, issuer, issuerCn, why);
        }

        private bool ChainsToExtraRoot(X509Certificate2 leaf, X509Chain? presented, out string why)
        {
            using var chain = new X509Chain();
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            chain.ChainPolicy.VerificationFlags = X509VerificationFlags.AllowUnknownCertificateAuthority;
            foreach (var root in _extraRoots) chain.ChainPolicy.ExtraStore.Add(root);
            if (presented != null)
                foreach (var element in presented.ChainElements) chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            chain.Build(leaf);

            var elements = chain.ChainElements.Cast<X509ChainElement>().ToList();
            var top = elements.LastOrDefault()?.Certificate;
            if (top == null || !_extraRootThumbprints.Contains(top.Thumbprint))
            {
                why = Describe(chain, SslPolicyErrors.RemoteCertificateChainErrors);
                return false;
            }
            // UntrustedRoot is expected (the root is ours, not the platform's); any other status is a real fault.
            var faults = elements.SelectMany(e => e.ChainElementStatus)
                .Where(s => s.Status != X509ChainStatusFlags.NoError && s.Status != X509ChainStatusFlags.UntrustedRoot)
                .Select(s => s.Status.ToString()).Distinct().ToList();
            why = faults.Count == 0 ? "" : "certificate chain: " + string.Join(", ", faults);
            return faults.Count == 0;
        }

        private static string Describe(X509Chain? chain, SslPolicyErrors errors)
        {
            var statuses = chain?.ChainStatus.Select(s => s.Status.ToString()).Distinct().ToList() ?? new List<string>();
            return statuses.Count == 0
                ? $"certificate rejected ({errors})"
                : "certificate chain not trusted: " + string.Join(", ", statuses);
        }

        private static IEnumerable<X509Certificate2> ParsePem(string pem)
        {
            const string begin = "-----BEGIN CERTIFICATE-----", end = "-----END CERTIFICATE-----";
            var at = 0;
            while ((at = pem.IndexOf(begin, at, StringComparison.Ordinal)) >= 0)
            {
                var stop = pem.IndexOf(end, at, StringComparison.Ordinal);
                if (stop < 0) throw new FormatException("A PEM certificate has no END line.");
                var body = new StringBuilder(pem.Substring(at + begin.Length, stop - at - begin.Length));
                yield return new X509Certificate2(Convert.FromBase64String(body.Replace("\r", "").Replace("\n", "").ToString().Trim()));
                at = stop + end.Length;
            }
        }
    }
}
