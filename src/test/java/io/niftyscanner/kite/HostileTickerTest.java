package io.niftyscanner.kite;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import org.java_websocket.WebSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A ticker server sending a message far larger than any Kite frame: the socket is closed (1009), not the heap filled. */
class HostileTickerTest {
    private TestTickerServer server;
    private KiteTicker ticker;

    @AfterEach
    void tearDown() {
        if (ticker != null) {
            ticker.close();
        }
        if (server != null) {
            server.stopQuietly();
        }
    }

    @Test
    void anOversizedMessageClosesTheSocketAndTheTickerReconnects() throws Exception {
        server = TestTickerServer.startServer();
        RecordingListener rec = new RecordingListener();
        ticker = new KiteTicker(KiteTicker.Options.defaults(server.url(), new KiteSession("k21", "tok123456789"))
                .withBackoff(50, 200, 0), rec, KiteTime.system());
        ticker.subscribe(List.of(408065L), KiteTicker.Mode.FULL);
        ticker.connect();
        WebSocket first = server.awaitConnection();
        rec.await("connected");

        first.send(ByteBuffer.allocate(KiteTicker.MAX_FRAME_BYTES + 1));

        assertThat(rec.await("disconnected")).contains("1009");
        rec.await("reconnecting");
        server.awaitConnection();
        rec.await("connected");
        assertThat(ticker.stats().ticks()).isZero();
    }
}
