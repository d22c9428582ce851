package io.niftyscanner.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.market.Instrument;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The encoder's bytes against values worked out by hand from kite-protocol.md 1.4. */
class TickFramesGoldenTest {
    private static final SimInstrument INFY = new SimInstrument(Instrument.nseEquity("INFY", 408065), 1550, 0.25, 5, "INFOSYS");
    private static final SimInstrument NIFTY = new SimInstrument(Nifty50Universe.index(), 26000, 0, 0, "NIFTY 50");
    private static final long TS = 1625461887L; // 2021-07-05 10:41:27 IST, the mock's exchange timestamp

    private static QuoteSnapshot infyFull() {
        return new QuoteSnapshot(INFY, 157370, 7, 157256, 1_234_567, 2000, 3000, 157000, 158000, 156000, 156500,
                TS * 1000, TS * 1000,
                new long[] {157340, 157335, 157330, 157325, 157320}, new long[] {5, 10, 15, 20, 25}, new int[] {1, 2, 3, 4, 5},
                new long[] {157375, 157380, 157385, 157390, 157395}, new long[] {6, 11, 16, 21, 26}, new int[] {2, 3, 4, 5, 6});
    }

    private static byte[] hex(String s) {
        return HexFormat.of().parseHex(s.replace(" ", ""));
    }

    @Test
    void fullPacketMatchesTheProtocolLayout() {
        byte[] p = TickFrames.full(infyFull());

        assertThat(p).hasSize(184);
        // 0-4 token 408065 = 0x00063A01, 4-8 LTP 157370 paise = 1573.70 = 0x000266BA
        assertThat(slice(p, 0, 8)).isEqualTo(hex("00063A01 000266BA"));
        // 8 last qty 7, 12 avg 157256 = 0x00026648, 16 volume 1234567 = 0x0012D687, 20 buy 2000, 24 sell 3000
        assertThat(slice(p, 8, 28)).isEqualTo(hex("00000007 00026648 0012D687 000007D0 00000BB8"));
        // 28 open 157000 = 0x00026548, 32 high 158000 = 0x00026930, 36 low 156000 = 0x00026160, 40 close 156500 = 0x00026354
        assertThat(slice(p, 28, 44)).isEqualTo(hex("00026548 00026930 00026160 00026354"));
        // 44 last trade time, 48-60 OI fields 0, 60 exchange timestamp 1625461887 = 0x60E2947F
        assertThat(slice(p, 44, 64)).isEqualTo(hex("60E2947F 00000000 00000000 00000000 60E2947F"));
        // 64 first bid: qty 5, price 1573.40 = 157340 = 0x0002669C, 1 order, 2 bytes padding
        assertThat(slice(p, 64, 76)).isEqualTo(hex("00000005 0002669C 0001 0000"));
        // 124 first ask: qty 6, price 157375 = 0x000266BF, 2 orders
        assertThat(slice(p, 124, 136)).isEqualTo(hex("00000006 000266BF 0002 0000"));
        // last ask (5th) at 172: qty 26 = 0x1A, price 157395 = 0x000266D3, 6 orders
        assertThat(slice(p, 172, 184)).isEqualTo(hex("0000001A 000266D3 0006 0000"));
    }

    @Test
    void quoteAndLtpPacketsAreThePrefixes() {
        QuoteSnapshot q = infyFull();
        assertThat(TickFrames.packet(q, TickMode.QUOTE)).hasSize(44).isEqualTo(slice(TickFrames.full(q), 0, 44));
        assertThat(TickFrames.packet(q, TickMode.LTP)).isEqualTo(hex("00063A01 000266BA"));
    }

    @Test
    void indexPacketsOrderHighLowOpenClose() {
        // last 26000.00, high 26100.00, low 25900.00, open 25950.00, close 25800.00; change = last - close = 200.00
        QuoteSnapshot idx = new QuoteSnapshot(NIFTY, 2600000, 0, 0, 0, 0, 0, 2595000, 2610000, 2590000, 2580000,
                TS * 1000, TS * 1000, new long[0], new long[0], new int[0], new long[0], new long[0], new int[0]);

        byte[] full = TickFrames.packet(idx, TickMode.FULL);
        byte[] quote = TickFrames.packet(idx, TickMode.QUOTE);

        assertThat(full).isEqualTo(hex("0003E909 0027AC40 0027D350 00278530 002798B8 00275E20 00004E20 60E2947F"));
        assertThat(quote).isEqualTo(slice(full, 0, 28));
        assertThat(TickFrames.packet(idx, TickMode.LTP)).isEqualTo(hex("0003E909 0027AC40"));
    }

    @Test
    void frameIsCountThenLengthPrefixedPackets() {
        byte[] a = hex("00063A01 000266BA");
        byte[] b = hex("0003E909 0027AC40");

        assertThat(TickFrames.frame(List.of(a, b))).isEqualTo(hex("0002 0008 00063A01000266BA 0008 0003E9090027AC40"));
    }

    @Test
    void heartbeatIsOneByte() {
        assertThat(TickFrames.heartbeat()).hasSize(1);
    }

    @Test
    void malformedFramesAreBrokenInThreeWays() {
        byte[] truncated = TickFrames.malformed(0);
        byte[] badLength = TickFrames.malformed(1);
        byte[] badCount = TickFrames.malformed(2);

        // count 1, announced 184 bytes, fewer present
        assertThat(slice(truncated, 0, 4)).isEqualTo(hex("0001 00B8"));
        assertThat(truncated.length - 4).isLessThan(184);
        // a packet length no Kite packet has
        assertThat(slice(badLength, 0, 4)).isEqualTo(hex("0001 0011"));
        // count 5, one packet
        assertThat(slice(badCount, 0, 4)).isEqualTo(hex("0005 0008"));
        assertThat(badCount).hasSize(12);
    }

    private static byte[] slice(byte[] a, int from, int to) {
        return java.util.Arrays.copyOfRange(a, from, to);
    }
}
