package io.niftyscanner.alerts;

/** Where PCM goes: the machine's audio output in the app, a recording in tests. */
public interface SoundOutput {
    /** Null when sound can be played now; otherwise why not. Cheap enough to ask before every alert. */
    String unavailableReason();

    /** Plays 16-bit signed mono little-endian PCM and returns when it has been played. */
    void play(byte[] pcm, float sampleRate) throws Exception;
}
