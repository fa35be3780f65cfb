using System;
using System.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using FastTrack.Onboarding.Engine.Diagnostics;
using FastTrack.Onboarding.Model.Errors;

namespace FastTrack.Onboarding.Engine.Connections
{
    /// <summary>Finds the sign-in certificate in the certificate stores or loads it from a file.</summary>
    internal static class CertificateLocator
    {
        public static X509Certificate2 FindByThumbprint(string thumbprint, IEngineLog log)
        {
            var wanted = thumbprint.Replace(" ", string.Empty).Replace(":", string.Empty).ToUpperInvariant();
            // Same search order as Connect-MgGraph: the user's store first, then the machine's.
            foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
            {
                try
                {
                    using var store = new X509Store(StoreName.My, location);
                    store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
                    var found = store.Certificates.Find(X509FindType.FindByThumbprint, wanted, validOnly: false);
                    if (found.Count > 0)
                    {
                        var certificate = found[0];
                        log.Verbose(
                            $"Using certificate {wanted} from {location}\\My "
                                + $"(subject '{certificate.Subject}', expires {certificate.NotAfter:u}).");
                        if (!certificate.HasPrivateKey)
                        {
                            throw new FastTrackException(ErrorIds.CertificateWithoutPrivateKey, FailureKind.SecurityError,
                                $"The certificate {wanted} in {location}\\My has no private key, so it cannot sign in.",
                                "Import the certificate with its private key (a .pfx), or use -CertificatePath.", targetObject: thumbprint);
                        }

                        return certificate;
                    }
                }
                catch (CryptographicException e)
                {
                    log.Debug($"The {location}\\My store could not be opened: {e.Message}");
                }
            }

            throw new FastTrackException(ErrorIds.CertificateNotFound, FailureKind.ObjectNotFound,
                $"No certificate with thumbprint {wanted} is in the CurrentUser\\My or LocalMachine\\My store.",
                "Import the certificate (with its private key) into Cert:\\CurrentUser\\My, or pass -CertificatePath.",
                targetObject: thumbprint);
        }

        /// <summary>A certificate passed as an object (-Certificate) signs only if it carries its private key.</summary>
        public static X509Certificate2 RequirePrivateKey(X509Certificate2 certificate)
        {
            if (!certificate.HasPrivateKey)
            {
                throw new FastTrackException(ErrorIds.CertificateWithoutPrivateKey, FailureKind.SecurityError,
                    $"The certificate {certificate.Thumbprint} (subject '{certificate.Subject}') has no private key, so it cannot sign in.",
                    "Pass a certificate that holds its private key: "
                        + "from Get-Item Cert:\\CurrentUser\\My\\<thumbprint> after importing the .pfx, "
                        + "or use -CertificatePath with the .pfx file.",
                    targetObject: certificate.Thumbprint);
            }

            return certificate;
        }

        public static X509Certificate2 LoadPfx(string path, SecureString? password)
        {
            try
            {
                return password is null
                    ? new X509Certificate2(path, string.Empty, X509KeyStorageFlags.DefaultKeySet)
                    : new X509Certificate2(path, password, X509KeyStorageFlags.DefaultKeySet);
            }
            catch (CryptographicException e)
            {
                throw new FastTrackException(ErrorIds.CertificateUnreadable, FailureKind.InvalidData,
                    $"The certificate file '{path}' could not be opened: {e.Message}",
                    "Check -CertificatePassword, and that the file is a PKCS#12 (.pfx/.p12) holding the private key.", e, path);
            }
        }
    }
}
