using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.Model.Errors;

namespace FastTrack.Onboarding.Engine.Connections
{
    /// <summary>
    /// -CertificateSubjectName: the certificate whose subject matches, from CurrentUser\My then
    /// LocalMachine\My (Connect-MgGraph's order). Admins renew certificates by adding a new one beside
    /// the old, so the newest currently valid certificate with a private key wins.
    /// </summary>
    internal static class CertificateStoreSearch
    {
        public static X509Certificate2 FindBySubjectName(string subjectName, DateTimeOffset now, IEngineLog log)
        {
            var matches = new List<X509Certificate2>();
            foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
            {
                try
                {
                    using var store = new X509Store(StoreName.My, location);
                    store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
                    var found = store.Certificates.Cast<X509Certificate2>().Where(c => SubjectMatches(c, subjectName)).ToList();
                    log.Debug($"{found.Count} certificate(s) in {location}\\My match the subject '{subjectName}'.");
                    matches.AddRange(found);
                }
                catch (CryptographicException e)
                {
                    log.Debug($"The {location}\\My store could not be opened: {e.Message}");
                }
            }

            var chosen = Choose(matches, subjectName, now);
            log.Verbose(
                $"Using certificate {chosen.Thumbprint} (subject '{chosen.Subject}', "
                    + $"valid {chosen.NotBefore.ToUniversalTime():u} to {chosen.NotAfter.ToUniversalTime():u}).");
            return chosen;
        }

        /// <summary>The newest valid certificate with a private key among <paramref name="matches"/>, or a clear error.</summary>
        internal static X509Certificate2 Choose(IReadOnlyCollection<X509Certificate2> matches, string subjectName, DateTimeOffset now)
        {
            if (matches.Count == 0)
            {
                throw new FastTrackException(ErrorIds.CertificateNotFound, FailureKind.ObjectNotFound,
                    $"No certificate with the subject '{subjectName}' is in the CurrentUser\\My or LocalMachine\\My store.",
                    "Import the certificate (with its private key) into Cert:\\CurrentUser\\My, "
                        + "check the subject with Get-ChildItem Cert:\\CurrentUser\\My, "
                        + "or pass -CertificateThumbprint or -CertificatePath.",
                    targetObject: subjectName);
            }

            var usable = matches
                .Where(c => c.NotBefore.ToUniversalTime() <= now.UtcDateTime && now.UtcDateTime < c.NotAfter.ToUniversalTime())
                .Where(c => c.HasPrivateKey)
                .OrderByDescending(c => c.NotBefore)
                .ThenByDescending(c => c.NotAfter)
                .FirstOrDefault();
            if (usable != null)
            {
                return usable;
            }

            var valid = matches
                .Where(c => c.NotBefore.ToUniversalTime() <= now.UtcDateTime && now.UtcDateTime < c.NotAfter.ToUniversalTime())
                .ToList();
            if (valid.Count > 0)
            {
                throw new FastTrackException(ErrorIds.CertificateWithoutPrivateKey, FailureKind.SecurityError,
                    $"The certificates with the subject '{subjectName}' that are valid now "
                        + $"({string.Join(", ", valid.Select(c => c.Thumbprint))}) have no private key, so none can sign in.",
                    "Import the certificate with its private key (a .pfx) into Cert:\\CurrentUser\\My, or pass -CertificatePath.",
                    targetObject: subjectName);
            }

            var latest = matches.Max(c => c.NotAfter.ToUniversalTime());
            throw new FastTrackException(ErrorIds.CertificateExpired, FailureKind.SecurityError,
                $"No certificate with the subject '{subjectName}' is valid now: {matches.Count} found, "
                    + (latest <= now.UtcDateTime ? $"all expired (the latest on {latest:u})." : "none valid yet or all expired."),
                "Create or renew the certificate, upload its public part to the app registration "
                    + "and import it with its private key into Cert:\\CurrentUser\\My.",
                targetObject: subjectName);
        }

        /// <summary>"CN=Assessor, O=Contoso" matches the whole subject; "Assessor" (no '=') matches the common name.</summary>
        internal static bool SubjectMatches(X509Certificate2 certificate, string subjectName)
        {
            var wanted = subjectName.Trim();
            if (wanted.IndexOf('=') < 0)
            {
                return string.Equals(
                    certificate.GetNameInfo(X509NameType.SimpleName, forIssuer: false),
                    wanted,
                    StringComparison.OrdinalIgnoreCase);
            }

            return string.Equals(Normalize(certificate.Subject), Normalize(wanted), StringComparison.OrdinalIgnoreCase);
        }

        // "CN=A, O=B" and "CN=A,O=B" are the same name as admins type it.
        private static string Normalize(string distinguishedName) =>
            string.Join(",", distinguishedName.Split(',').Select(part => part.Trim()));
    }
}
