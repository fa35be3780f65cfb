namespace FastTrack.Onboarding.GraphEmulator;

/// <summary>What the next device-code poll answers after the first authorization_pending.</summary>
public enum DeviceCodeMode { Approve, Deny, Expire }
