package io.niftyscanner.alerts;

/** Plays the side's tone (rising for BUY, falling for SELL) on its own thread. */
public final class SoundChannel implements AlertChannel {
    public static final String NAME = "sound";
    private final SoundOutput output;
    private final byte[] buy = ToneRenderer.pcm(Tone.BUY, ToneRenderer.SAMPLE_RATE);
    private final byte[] sell = ToneRenderer.pcm(Tone.SELL, ToneRenderer.SAMPLE_RATE);

    public SoundChannel(SoundOutput output) {
        this.output = output;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String unavailableReason() {
        return output.unavailableReason();
    }

    @Override
    public Delivery deliver(Alert alert) throws Exception {
        output.play(alert.side() == io.niftyscanner.market.Side.BUY ? buy : sell, ToneRenderer.SAMPLE_RATE);
        return Delivery.OK;
    }
}
