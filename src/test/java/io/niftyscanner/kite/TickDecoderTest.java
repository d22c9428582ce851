package io.niftyscanner.kite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niftyscanner.market.Tick;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TickDecoderTest {
    private final TickDecoder decoder = new TickDecoder();
    private final List<Tick> ticks = new ArrayList<>();
    private final List<String> seen = new ArrayList<>();

    private int decode(byte[] frame) throws BadFrameException {
        return decoder.decode(ByteBuffer.wrap(frame), t -> {
            ticks.add(t.toTick(7));
            seen.add(t.packetLength() + ":" + t.token());
        });
    }

    @Test
    void fullPacketOfTheMockDecodesPriceDepthAndTime() throws Exception {
        // kite-protocol.md 1.4: mock ticker_full.packet, token 408065, LTP 157370, first bid 5 @ 1573.40, 1 order
        int[][] bids = {{5, 157340, 1}, {10, 157335, 2}, {0, 0, 0}, {0, 0, 0}, {7, 157300, 3}};
        int[][] asks = {{20, 157380, 4}, {1, 157385, 1}};
        byte[] packet = Frames.full(408065, 157370, 3, 157201, 1_234_567, 500, 600, 156000, 158000, 155500, 155000,
                1625461886, 0, 0, 0, 1625461887, bids, asks);
        List<KiteTickData> copies = new ArrayList<>();
        int n = decoder.decode(ByteBuffer.wrap(Frames.frame(packet)), t -> {
            assertThat(t.token()).isEqualTo(408065);
            assertThat(t.lastPrice()).isEqualTo(157370);
            assertThat(t.lastPriceRupees()).isEqualTo(1573.70);
            assertThat(t.bidQuantity(0)).isEqualTo(5);
            assertThat(t.bidPrice(0)).isEqualTo(157340);
            assertThat(t.bidOrders(0)).isEqualTo(1);
            assertThat(t.bidPrice(4)).isEqualTo(157300);
            assertThat(t.bidOrders(4)).isEqualTo(3);
            assertThat(t.askQuantity(0)).isEqualTo(20);
            assertThat(t.askPrice(0)).isEqualTo(157380);
            assertThat(t.askOrders(1)).isEqualTo(1);
            assertThat(t.lastQuantity()).isEqualTo(3);
            assertThat(t.averagePrice()).isEqualTo(157201);
            assertThat(t.volume()).isEqualTo(1_234_567);
            assertThat(t.buyQuantity()).isEqualTo(500);
            assertThat(t.sellQuantity()).isEqualTo(600);
            assertThat(new long[] {t.open(), t.high(), t.low(), t.close()}).containsExactly(156000, 158000, 155500, 155000);
            // 1625461887 = 2021-07-05 05:11:27Z = 10:41:27 IST
            assertThat(t.exchangeTimeMillis()).isEqualTo(1_625_461_887_000L);
            assertThat(t.lastTradeTimeMillis()).isEqualTo(1_625_461_886_000L);
            assertThat(t.hasDepth()).isTrue();
            Tick tick = t.toTick(99);
            assertThat(tick).isEqualTo(new Tick(408065, 1_625_461_887_000L, 157370, 1_234_567, 3, 99));
        });
        assertThat(n).isEqualTo(1);
    }

    @Test
    void everyPacketKindInOneFrame() throws Exception {
        byte[] frame = Frames.frame(
                Frames.ltp(738561, 250050),
                Frames.indexQuote(256265, 2_450_000, 2_460_000, 2_440_000, 2_445_000, 2_430_000, 20_000),
                Frames.indexFull(256265, 2_450_100, 2_460_000, 2_440_000, 2_445_000, 2_430_000, 20_100, 1_700_000_000),
                Frames.quote(738561, 250100, 10, 250000, 999, 1, 2, 249000, 251000, 248000, 247000),
                Frames.full(738561, 250200, 11, 250000, 1000, 1, 2, 249000, 251000, 248000, 247000, 1_700_000_001, 0, 0, 0,
                        1_700_000_002, new int[0][], new int[0][]));
        assertThat(decode(frame)).isEqualTo(5);
        assertThat(seen).containsExactly("8:738561", "28:256265", "32:256265", "44:738561", "184:738561");
        assertThat(ticks.get(0)).isEqualTo(new Tick(738561, 0, 250050, -1, 0, 7));
        assertThat(ticks.get(1).lastPrice()).isEqualTo(2_450_000);
        assertThat(ticks.get(1).exchangeTimeMillis()).isZero();
        assertThat(ticks.get(2).exchangeTimeMillis()).isEqualTo(1_700_000_000_000L);
        assertThat(ticks.get(3)).isEqualTo(new Tick(738561, 0, 250100, 999, 10, 7));
        assertThat(ticks.get(4)).isEqualTo(new Tick(738561, 1_700_000_002_000L, 250200, 1000, 11, 7));
    }

    @Test
    void indexPacketsUseHighLowOpenCloseOrder() throws Exception {
        List<long[]> ohlc = new ArrayList<>();
        decoder.decode(ByteBuffer.wrap(Frames.frame(Frames.indexQuote(256265, 5, 9, 1, 4, 3, 2))),
                t -> ohlc.add(new long[] {t.open(), t.high(), t.low(), t.close(), t.priceChange()}));
        assertThat(ohlc.get(0)).containsExactly(4, 9, 1, 3, 2);
    }

    @Test
    void segmentDivisorsForCdsAndIndex() throws Exception {
        int cdsToken = (12345 << 8) | 3; // segment 3 = CDS
        int indexToken = 256265;          // 0x3E909 -> low byte 9 = INDICES
        decode(Frames.frame(Frames.ltp(cdsToken, 834_512_500), Frames.ltp(indexToken, 2_450_055)));
        assertThat(ticks.get(0).price()).isEqualTo(83.45125);  // / 10,000,000
        assertThat(ticks.get(1).price()).isEqualTo(24500.55);  // / 100
    }

    @Test
    void volumeAboveTwoToThe31IsUnsigned() throws Exception {
        long volume = 3_000_000_000L; // > 2^31 - 1
        decode(Frames.frame(Frames.quote(408065, 1, 2, 3, (int) volume, -1, 5, 0, 0, 0, 0)));
        assertThat(ticks.get(0).volume()).isEqualTo(3_000_000_000L);
        List<Long> buy = new ArrayList<>();
        decoder.decode(ByteBuffer.wrap(Frames.frame(Frames.quote(408065, 1, 2, 3, 4, -1, 5, 0, 0, 0, 0))),
                t -> buy.add(t.buyQuantity()));
        assertThat(buy).containsExactly(4_294_967_295L);
    }

    @Test
    void heartbeatsProduceNoTicks() throws Exception {
        assertThat(TickDecoder.isHeartbeat(ByteBuffer.wrap(new byte[] {0}))).isTrue();
        assertThat(TickDecoder.isHeartbeat(ByteBuffer.wrap(new byte[0]))).isTrue();
        assertThat(decode(new byte[] {0x01})).isZero();
        assertThat(ticks).isEmpty();
    }

    @Test
    void truncatedFrameIsRejectedWhole() {
        byte[] good = Frames.frame(Frames.ltp(408065, 100), Frames.ltp(738561, 200));
        byte[] cut = Arrays.copyOf(good, good.length - 3);
        assertThatThrownBy(() -> decode(cut)).isInstanceOf(BadFrameException.class).hasMessageContaining("truncated");
        byte[] noLength = Arrays.copyOf(good, 2 + 2 + 8 + 1); // second packet's length field cut
        assertThatThrownBy(() -> decode(noLength)).isInstanceOf(BadFrameException.class).hasMessageContaining("truncated");
        assertThat(ticks).isEmpty();
    }

    @Test
    void unknownPacketLengthIsRejectedWhole() {
        byte[] frame = Frames.frame(Frames.ltp(408065, 100), new byte[12]);
        assertThatThrownBy(() -> decode(frame)).isInstanceOf(BadFrameException.class)
                .hasMessageContaining("12 bytes long");
        assertThat(ticks).isEmpty();
    }

    @Test
    void countThatDoesNotMatchTheBytesIsRejected() {
        byte[] frame = Frames.frame(Frames.ltp(408065, 100), Frames.ltp(738561, 200));
        frame[1] = 1; // says one packet, carries two
        assertThatThrownBy(() -> decode(frame)).isInstanceOf(BadFrameException.class)
                .hasMessageContaining("does not match");
        byte[] more = Frames.frame(Frames.ltp(408065, 100));
        more[1] = 2; // says two, carries one
        assertThatThrownBy(() -> decode(more)).isInstanceOf(BadFrameException.class).hasMessageContaining("truncated");
        assertThat(ticks).isEmpty();
    }

    @Test
    void respectsTheBufferPosition() throws Exception {
        byte[] f = Frames.frame(Frames.ltp(408065, 157370));
        ByteBuffer b = ByteBuffer.allocate(f.length + 5);
        b.position(5);
        b.put(f);
        b.position(5);
        assertThat(decoder.decode(b, t -> ticks.add(t.toTick(0)))).isEqualTo(1);
        assertThat(ticks.get(0).lastPrice()).isEqualTo(157370);
        assertThat(b.position()).isEqualTo(5);
    }
}
