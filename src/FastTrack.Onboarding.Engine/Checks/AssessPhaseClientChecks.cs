using System;
using System.Collections.Generic;
using System.Linq;
using FastTrack.Onboarding.Engine.Collection;
using FastTrack.Onboarding.Engine.Snapshots;
using FastTrack.Onboarding.Model.Assessment;

namespace FastTrack.Onboarding.Engine.Checks
{
    /// <summary>
    /// Assess: "guidance about client needs (Internet browser, client operating system, and services'
    /// needs)". Graph knows the OS mix of Intune-managed devices and, from the usage
    /// reports, the Microsoft 365 Apps mix (AssessPhaseClientChecks.AppsMix.cs); browsers do not exist in Graph.
    /// </summary>
    public static partial class AssessPhaseClientChecks
    {
        internal const string Guidance =
            "Provide guidance about client needs (Internet browser, client operating system, and services' needs).";

        // Oldest OS versions Microsoft 365 and Intune support at the time of writing (Windows 10 left
        // support on 2025-10-14; Intune supports Android 10+, and the current and previous iOS/macOS majors).
        internal static readonly (string Os, Version Minimum, string Why)[] Minimums =
        {
            ("Windows", new Version(10, 0, 22000), "Windows 10 is out of support since 2025-10-14 (ESU only)"),
            ("iOS", new Version(17, 0), "iOS/iPadOS older than 17"),
            ("Android", new Version(10, 0), "Android older than 10"),
            ("macOS", new Version(14, 0), "macOS older than 14"),
        };

        internal static string? Unsupported(DeviceRecord device)
        {
            foreach (var (os, minimum, why) in Minimums)
            {
                if (string.Equals(device.OperatingSystem, os, StringComparison.OrdinalIgnoreCase))
                {
                    return Version.TryParse(Pad(device.OsVersion), out var version) && version < minimum ? why : null;
                }
            }

            return null;
        }

        internal static string? Pad(string? version) => version is null ? null : version.Contains('.') ? version : version + ".0";
    }
}
