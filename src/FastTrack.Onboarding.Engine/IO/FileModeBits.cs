using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

namespace FastTrack.Onboarding.Engine.IO
{
    /// <summary>
    /// Unix permission bits of a file, where the OS has them. The engine targets netstandard2.0, which has no
    /// File.GetUnixFileMode/SetUnixFileMode; the module always runs on .NET 8+ (PowerShell 7.4+), which does.
    /// Reflection reaches them without a second target framework or a P/Invoke to libc's chmod/stat (whose
    /// struct layout differs by OS and architecture). Where they are missing (Windows, or an older runtime)
    /// every call is a no-op and files keep the platform's default permissions.
    /// </summary>
    internal static class FileModeBits
    {
        /// <summary>rw------- : owner read and write only.</summary>
        public const int OwnerOnly = 0x180; // octal 600

        private static readonly MethodInfo? GetMethod = Find("GetUnixFileMode", 1);
        private static readonly MethodInfo? SetMethod = Find("SetUnixFileMode", 2);

        public static bool Supported => GetMethod != null && SetMethod != null;

        /// <summary>The mode bits of an existing file, or null where there are none.</summary>
        public static int? Get(string path)
        {
            if (!Supported) return null;
            try
            {
                return Convert.ToInt32(GetMethod!.Invoke(null, new object[] { path }), System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (TargetInvocationException e) when (e.InnerException is IOException
                || e.InnerException is UnauthorizedAccessException
                || e.InnerException is PlatformNotSupportedException)
            {
                return null;
            }
        }

        /// <summary>Sets the mode bits; false where that is not possible here.</summary>
        public static bool Set(string path, int mode)
        {
            if (!Supported) return false;
            var enumType = SetMethod!.GetParameters()[1].ParameterType;
            try
            {
                SetMethod.Invoke(null, new[] { path, Enum.ToObject(enumType, mode) });
                return true;
            }
            catch (TargetInvocationException e) when (e.InnerException is PlatformNotSupportedException)
            {
                return false;
            }
            catch (TargetInvocationException e) when (e.InnerException != null)
            {
                ExceptionDispatchInfoThrow(e.InnerException);
                return false;
            }
        }

        private static void ExceptionDispatchInfoThrow(Exception inner) =>
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(inner).Throw();

        private static MethodInfo? Find(string name, int parameters)
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return null;
            foreach (var method in typeof(File).GetMethods(BindingFlags.Public | BindingFlags.Static))
            {
                var p = method.GetParameters();
                if (method.Name == name && p.Length == parameters && p[0].ParameterType == typeof(string)) return method;
            }

            return null;
        }
    }
}
