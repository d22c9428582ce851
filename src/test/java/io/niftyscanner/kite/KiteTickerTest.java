package io.niftyscanner.kite;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.niftyscanner.market.Tick;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.LongStream;
import org.java_websocket.WebSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KiteTickerTest {
    private final List<AutoCloseable> cleanup = new ArrayList<>();
    private final FakeTime fake = new FakeTime();

    @AfterEach
    void tearDown() throws Exception {
        for (AutoCloseable c : cleanup) {
            c.close();
        }
    }

    private TestTickerServer server() throws InterruptedException {
        TestTickerServer s = TestTickerServer.startServer();
        cleanup.add(s::stopQuietly);
        return s;
    }

    private KiteTicker ticker(String url, KiteTickerListener listener, KiteTime time, String apiKey) {
        KiteTicker.Options o = KiteTicker.Options.defaults(url, new KiteSession(apiKey, "tok123456789"))
                .withBackoff(50, 200, 0);
        KiteTicker t = new KiteTicker(o, listener, time);
        cleanup.add(0, t);
        return t;
    }

    @Test
    void connectsWithKeyAndTokenSubscribesAndDeliversTicks() throws Exception {
        TestTickerServer server = server();
        RecordingListener rec = new RecordingListener();
        KiteTicker t = ticker(server.url(), rec, KiteTime.system(), "k1");
        t.subscribe(List.of(408065L), KiteTicker.Mode.FULL);
        t.connect();
        WebSocket conn = server.awaitConnection();
        rec.await("connected");
        assertThat(server.handshakeUris.get(0)).isEqualTo("/?api_key=k1&access_token=tok123456789");
        assertThat(server.awaitMessage()).isEqualTo("{\"a\":\"subscribe\",\"v\":[408065]}");
        assertThat(server.awaitMessage()).isEqualTo("{\"a\":\"mode\",\"v\":[\"full\",[408065]]}");

        conn.send(new byte[] {0});
        conn.send(Frames.frame(Frames.ltp(408065, 157370)));
        Tick tick = rec.awaitTick();
        assertThat(tick.token()).isEqualTo(408065);
        assertThat(tick.lastPrice()).isEqualTo(157370);
        conn.send(Frames.frame(new byte[10]));
        assertThat(rec.await("bad frame")).contains("10 bytes long");
        KiteTicker.Stats s = t.stats();
        assertThat(s.state()).isEqualTo(KiteTicker.State.CONNECTED);
        assertThat(s.heartbeats()).isEqualTo(1);
        assertThat(s.ticks()).isEqualTo(1);
        assertThat(s.badFrames()).isEqualTo(1);
        assertThat(s.frames()).isEqualTo(3);
        assertThat(rec.ticks).isEmpty();
    }

    @Test
    void textMessagesBecomeOrderErrorAndMessageEvents() throws Exception {
        TestTickerServer server = server();
        RecordingListener rec = new RecordingListener();
        KiteTicker t = ticker(server.url(), rec, KiteTime.system(), "k2");
        t.connect();
        WebSocket conn = server.awaitConnection();
        rec.await("connected");
        conn.send("{\"type\":\"order\",\"data\":{\"order_id\":\"151220000000000\",\"status\":\"COMPLETE\","
                + "\"tradingsymbol\":\"INFY\",\"average_price\":1573.7,\"filled_quantity\":5,"
                + "\"order_timestamp\":\"2021-07-05 10:41:27\"}}");
        Order o = rec.orders.poll(30, TimeUnit.SECONDS);
        assertThat(o).isNotNull();
        assertThat(o.orderId()).isEqualTo("151220000000000");
        assertThat(o.isComplete()).isTrue();
        assertThat(o.averagePrice()).isEqualByComparingTo("1573.70");
        assertThat(o.orderTimestampMillis()).isEqualTo(1_625_461_887_000L);
        conn.send("{\"type\":\"error\",\"data\":\"Invalid mode\"}");
        assertThat(rec.await("error")).isEqualTo("error: Kite ticker error: Invalid mode");
        conn.send("{\"type\":\"message\",\"data\":\"Markets closed early\"}");
        assertThat(rec.await("message")).isEqualTo("message: Markets closed early");
        conn.send("not json at all");
        assertThat(rec.await("error")).contains("not JSON");

        t.subscribe(List.of(884737L), KiteTicker.Mode.QUOTE);
        assertThat(server.awaitMessage()).isEqualTo("{\"a\":\"subscribe\",\"v\":[884737]}");
        assertThat(server.awaitMessage()).isEqualTo("{\"a\":\"mode\",\"v\":[\"quote\",[884737]]}");
        t.unsubscribe(List.of(884737L));
        assertThat(server.awaitMessage()).isEqualTo("{\"a\":\"unsubscribe\",\"v\":[884737]}");
        assertThat(t.subscriptions()).isEmpty();
        assertThat(t.state()).isEqualTo(KiteTicker.State.CONNECTED);
    }

    @Test
    void reconnectAfterServerDropResubscribesEveryTokenWithItsMode() throws Exception {
        TestTickerServer server = server();
        RecordingListener rec = new RecordingListener();
        KiteTicker t = ticker(server.url(), rec, KiteTime.system(), "k3");
        t.subscribe(List.of(408065L, 738561L), KiteTicker.Mode.FULL);
        t.subscribe(List.of(256265L), KiteTicker.Mode.LTP);
        t.connect();
        WebSocket first = server.awaitConnection();
        rec.await("connected");
        for (int i = 0; i < 4; i++) {
            server.awaitMessage();
        }
        first.close(1001, "going away");
        assertThat(rec.await("disconnected")).contains("code 1001");
        assertThat(rec.await("reconnecting")).isEqualTo("reconnecting 1");
        server.awaitConnection();
        rec.await("connected");
        List<String> resent = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            resent.add(server.awaitMessage());
        }
        assertThat(resent).containsExactly(
                "{\"a\":\"subscribe\",\"v\":[256265]}",
                "{\"a\":\"mode\",\"v\":[\"ltp\",[256265]]}",
                "{\"a\":\"subscribe\",\"v\":[408065,738561]}",
                "{\"a\":\"mode\",\"v\":[\"full\",[408065,738561]]}");
        assertThat(t.stats().reconnects()).isEqualTo(1);
        assertThat(t.state()).isEqualTo(KiteTicker.State.CONNECTED);
    }

    @Test
    void silentServerIsDetectedByTheWatchdogAndReplaced() throws Exception {
        TestTickerServer server = server();
        RecordingListener rec = new RecordingListener();
        KiteTicker t = ticker(server.url(), rec, fake.kiteTime(), "k4");
        t.connect();
        server.awaitConnection();
        rec.await("connected");
        fake.advanceMillis(4_900);
        long checks = t.watchdogChecks();
        // the check after the next one certainly started after the clock moved (one may have been under way)
        awaitTrue("two watchdog checks on the moved clock", () -> t.watchdogChecks() >= checks + 2);
        assertThat(t.state()).as("4.9 s of silence is inside the 5 s window").isEqualTo(KiteTicker.State.CONNECTED);
        fake.advanceMillis(200);
        assertThat(rec.await("disconnected")).contains("no data from Kite for 5100 ms");
        server.awaitConnection();
        rec.await("connected");
        assertThat(t.stats().reconnects()).isEqualTo(1);
    }

    @Test
    void handshakeRefusedWith403StopsRetryingWithTheLoginMessage() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        cleanup.add(ss);
        Thread acceptor = new Thread(() -> {
            while (!ss.isClosed()) {
                try (Socket s = ss.accept()) {
                    attempts.incrementAndGet();
                    InputStream in = s.getInputStream();
                    StringBuilder head = new StringBuilder();
                    while (!head.toString().endsWith("\r\n\r\n")) {
                        int c = in.read();
                        if (c < 0) {
                            break;
                        }
                        head.append((char) c);
                    }
                    OutputStream out = s.getOutputStream();
                    out.write("HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        RecordingListener rec = new RecordingListener();
        KiteTicker t = ticker("ws://127.0.0.1:" + ss.getLocalPort(), rec, KiteTime.system(), "k5");
        t.connect();
        assertThat(rec.await("token rejected")).isEqualTo("token rejected: Kite session expired or invalid: run ./scanner login");
        // a retry is only ever scheduled together with counting a reconnect; none was, and the state is final
        assertThat(t.stats().reconnects()).isZero();
        assertThat(attempts.get()).isEqualTo(1);
        assertThat(t.state()).isEqualTo(KiteTicker.State.TOKEN_REJECTED);
        assertThat(rec.events).noneMatch(e -> e.startsWith("reconnecting"));
    }

    @Test
    void givesUpAfterTheConfiguredAttempts() throws Exception {
        ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        int port = ss.getLocalPort();
        ss.close(); // nothing listens: every connect is refused
        RecordingListener rec = new RecordingListener();
        KiteTicker.Options o = KiteTicker.Options.defaults("ws://127.0.0.1:" + port, new KiteSession("k6", "t"))
                .withBackoff(10, 20, 2);
        KiteTicker t = new KiteTicker(o, rec, KiteTime.system());
        cleanup.add(t);
        t.connect();
        rec.await("gave up");
        assertThat(t.state()).isEqualTo(KiteTicker.State.GAVE_UP);
        assertThat(t.stats().reconnects()).isEqualTo(2);
        // exponential backoff with +-20% jitter, capped: 10 ms then 20 ms
        assertThat(rec.reconnectDelays).hasSize(2);
        assertThat(rec.reconnectDelays.get(0)).isBetween(8L, 12L);
        assertThat(rec.reconnectDelays.get(1)).isBetween(16L, 20L);
    }

    @Test
    void atMost3000TokensPerConnection() {
        KiteTicker t = ticker("ws://127.0.0.1:1", new RecordingListener(), KiteTime.system(), "k7");
        t.subscribe(LongStream.rangeClosed(1, 3000).boxed().toList(), KiteTicker.Mode.QUOTE);
        assertThatThrownBy(() -> t.subscribe(List.of(5000L), KiteTicker.Mode.QUOTE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 3000 instruments");
        t.subscribe(List.of(1L), KiteTicker.Mode.FULL); // already subscribed: only the mode changes
        assertThat(t.subscriptions()).hasSize(3000).containsEntry(1L, KiteTicker.Mode.FULL);
    }

    @Test
    void atMostThreeConnectionsPerApiKey() throws Exception {
        TestTickerServer server = server();
        for (int i = 0; i < 3; i++) {
            ticker(server.url(), new RecordingListener(), KiteTime.system(), "k8").connect();
        }
        KiteTicker fourth = ticker(server.url(), new RecordingListener(), KiteTime.system(), "k8");
        assertThatThrownBy(fourth::connect).isInstanceOf(KiteException.class).hasMessageContaining("at most 3");
        KiteTicker otherKey = ticker(server.url(), new RecordingListener(), KiteTime.system(), "k9");
        otherKey.connect();
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheTicker() throws Exception {
        TestTickerServer server = server();
        RecordingListener rec = new RecordingListener();
        KiteTickerListener hostile = new KiteTickerListener() {
            @Override
            public void onTick(io.niftyscanner.market.Tick tick) {
                rec.onTick(tick);
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onFrame(long receivedNanos, boolean heartbeat) {
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onConnected() {
                rec.onConnected();
                throw new IllegalStateException("listener bug");
            }

            @Override
            public void onDisconnected(String reason) {
                rec.onDisconnected(reason);
                throw new IllegalStateException("listener bug");
            }
        };
        KiteTicker t = ticker(server.url(), hostile, KiteTime.system(), "k10");
        t.connect();
        WebSocket first = server.awaitConnection();
        rec.await("connected");
        first.send(Frames.frame(Frames.ltp(408065, 1)));
        rec.awaitTick();
        first.send(Frames.frame(Frames.ltp(408065, 2)));
        assertThat(rec.awaitTick().lastPrice()).isEqualTo(2);
        first.close();
        rec.await("disconnected");
        server.awaitConnection();
        rec.await("connected");
        assertThat(t.state()).isEqualTo(KiteTicker.State.CONNECTED);
    }

    @Test
    void aBadUrlIsRejectedUpFront() {
        assertThatThrownBy(() -> new KiteTicker(KiteTicker.Options.defaults("http://127.0.0.1:1",
                new KiteSession("k", "secrettoken")), new RecordingListener()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ws://")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secrettoken"));
    }

    @Test
    void aHandshakeThatNeverCompletesIsAbandonedAndRetried() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        List<Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
        ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        cleanup.add(ss);
        cleanup.add(() -> {
            for (Socket s : held) {
                s.close();
            }
        });
        Thread acceptor = new Thread(() -> {
            while (!ss.isClosed()) {
                try {
                    held.add(ss.accept()); // accept TCP, never answer the upgrade
                    accepted.incrementAndGet();
                } catch (IOException e) {
                    return;
                }
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
        RecordingListener rec = new RecordingListener();
        KiteTicker.Options o = new KiteTicker.Options("ws://127.0.0.1:" + ss.getLocalPort(), new KiteSession("k11", "t"),
                100, 0, 10, 20, 200);
        KiteTicker t = new KiteTicker(o, rec, KiteTime.system());
        cleanup.add(0, t);
        t.connect();
        assertThat(rec.await("disconnected")).contains("connect did not complete");
        rec.await("reconnecting");
        awaitTrue("a second connect attempt", () -> accepted.get() >= 2);
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(10);
        }
    }
}
