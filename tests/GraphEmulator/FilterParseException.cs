namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>Thrown for a $filter Graph would reject; the message is what the 400 says.</summary>
public sealed class FilterParseException(string message) : Exception(message);
