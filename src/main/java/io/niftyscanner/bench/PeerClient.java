package io.niftyscanner.bench;

import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import java.util.stream.Stream;

/**
 * Zerodha's official Java client, javakiteconnect {@value #VERSION}, as the benchmarks' peer. It is never on the app's
 * class path: the build copies its jars into {@code target/peer-lib} (pom.xml, execution {@code copy-peer}), and this
 * class loads them in a class loader of their own whose parent is the platform loader, so none of the app's libraries
 * mix with the peer's. Only reflection touches it: the app's code has no compile-time dependency on the peer.
 */
public final class PeerClient {
    public static final String VERSION = "3.5.1";
    /** Where {@code ./scanner bench} finds the peer's jars unless {@value #LIB_PROPERTY} says otherwise. */
    public static final String LIB_PROPERTY = "niftyscanner.peer.lib";

    private final ClassLoader loader;
    private final Class<?> tickerClass;

    private PeerClient(ClassLoader loader) throws ReflectiveOperationException {
        this.loader = loader;
        this.tickerClass = loader.loadClass("com.zerodhatech.ticker.KiteTicker");
    }

    /** Loads the peer from its directory of jars. */
    public static PeerClient load(Path lib) throws IOException, ReflectiveOperationException {
        List<URL> jars = new ArrayList<>();
        if (Files.isDirectory(lib)) {
            try (Stream<Path> files = Files.list(lib)) {
                for (Path p : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".jar")).sorted()::iterator) {
                    jars.add(p.toUri().toURL());
                }
            }
        }
        if (jars.stream().noneMatch(u -> u.getPath().contains("kiteconnect-" + VERSION))) {
            throw new IOException("javakiteconnect " + VERSION + " is not in " + lib.toAbsolutePath()
                    + ": run ./mvnw -B package (it copies the peer's jars there), or set -D" + LIB_PROPERTY + "=DIR");
        }
        return new PeerClient(new URLClassLoader("javakiteconnect", jars.toArray(URL[]::new), ClassLoader.getPlatformClassLoader()));
    }

    /** The peer's jars: {@value #LIB_PROPERTY} if set, else {@code peer-lib} beside the directory or jar of this class. */
    public static Path defaultLib() {
        String configured = System.getProperty(LIB_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        try {
            Path here = Path.of(PeerClient.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return here.getParent().resolve("peer-lib");
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Path.of("target", "peer-lib");
        }
    }

    /**
     * The peer's own frame parser, {@code KiteTicker.parseBinary(byte[])} (private), bound to a ticker that never
     * connects: it returns the peer's {@code ArrayList<Tick>} for a binary frame.
     */
    public MethodHandle parser() throws ReflectiveOperationException {
        Object ticker = tickerClass.getConstructor(String.class, String.class).newInstance("bench", "bench");
        Method parse = tickerClass.getDeclaredMethod("parseBinary", byte[].class);
        parse.setAccessible(true);
        return MethodHandles.lookup().unreflect(parse).bindTo(ticker);
    }

    /**
     * Connects one of the peer's tickers to a KiteTicker-compatible server, subscribes the tokens in full mode once
     * connected (as the peer's documentation does it) and reports the size of every tick list it delivers. The peer's
     * socket is made in its constructor for Kite's fixed URL, so it is replaced by one for {@code wsUrl}, with the
     * peer's own listener on it.
     */
    public Object connect(String wsUrl, List<Long> tokens, IntConsumer ticksDelivered) throws ReflectiveOperationException {
        Object ticker = tickerClass.getConstructor(String.class, String.class).newInstance("bench", "bench");
        Class<?> factoryClass = loader.loadClass("com.neovisionaries.ws.client.WebSocketFactory");
        Class<?> socketClass = loader.loadClass("com.neovisionaries.ws.client.WebSocket");
        Class<?> listenerClass = loader.loadClass("com.neovisionaries.ws.client.WebSocketListener");
        String url = wsUrl + (wsUrl.contains("?") ? "&" : "?") + "api_key=bench&access_token=bench";
        Object socket = factoryClass.getMethod("createSocket", String.class).invoke(factoryClass.getConstructor().newInstance(), url);
        socketClass.getMethod("addListener", listenerClass).invoke(socket, tickerClass.getMethod("getWebsocketAdapter").invoke(ticker));
        set(ticker, "ws", socket);
        set(ticker, "wsuri", url);

        Class<?> onTicks = loader.loadClass("com.zerodhatech.ticker.OnTicks");
        Object ticksListener = Proxy.newProxyInstance(loader, new Class<?>[] {onTicks}, (proxy, method, args) -> {
            if (method.getName().equals("onTicks")) {
                ticksDelivered.accept(((List<?>) args[0]).size());
            }
            return defaultAnswer(proxy, method, args);
        });
        tickerClass.getMethod("setOnTickerArrivalListener", onTicks).invoke(ticker, ticksListener);

        ArrayList<Long> list = new ArrayList<>(tokens);
        Method subscribe = tickerClass.getMethod("subscribe", ArrayList.class);
        Method setMode = tickerClass.getMethod("setMode", ArrayList.class, String.class);
        String full = (String) tickerClass.getField("modeFull").get(null);
        Class<?> onConnect = loader.loadClass("com.zerodhatech.ticker.OnConnect");
        Object connectListener = Proxy.newProxyInstance(loader, new Class<?>[] {onConnect}, (proxy, method, args) -> {
            if (method.getName().equals("onConnected")) {
                subscribe.invoke(ticker, list);
                setMode.invoke(ticker, list, full);
            }
            return defaultAnswer(proxy, method, args);
        });
        tickerClass.getMethod("setOnConnectedListener", onConnect).invoke(ticker, connectListener);
        tickerClass.getMethod("connect").invoke(ticker);
        return ticker;
    }

    /** Closes a ticker made by {@link #connect}. */
    public void disconnect(Object ticker) throws ReflectiveOperationException {
        tickerClass.getMethod("disconnect").invoke(ticker);
    }

    private static Object defaultAnswer(Object proxy, Method method, Object[] args) {
        switch (method.getName()) {
            case "hashCode":
                return System.identityHashCode(proxy);
            case "equals":
                return proxy == args[0];
            case "toString":
                return "bench listener";
            default:
                return null;
        }
    }

    private void set(Object target, String field, Object value) throws ReflectiveOperationException {
        Field f = tickerClass.getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }
}
