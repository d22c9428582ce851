package io.niftyscanner.journal;

import io.niftyscanner.market.Prices;
import io.niftyscanner.market.SessionCalendar;
import io.niftyscanner.market.Tick;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every tick into a CSV file per session day in the tick-file format (design.md 5): {@code
 * time,token,last_price,volume,last_quantity} with time in epoch milliseconds, so {@code ./scanner replay FILE} replays
 * the session. Feed threads only enqueue; a writer thread appends and flushes at least every 200 ms. A kill -9 loses at
 * most the last moments and may leave one torn last line, which replay reports and skips; the next start begins on a
 * new line.
 */
public final class TickRecorder implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TickRecorder.class);
    static final String HEADER = "time,token,last_price,volume,last_quantity";
    private static final long FLUSH_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    private static final Tick STOP = new Tick(0, 0, 0, 0);

    private final Path dir;
    private final String prefix;
    private final BlockingQueue<Tick> queue = new ArrayBlockingQueue<>(1 << 16);
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private final Thread writer;
    private LocalDate day;
    private BufferedWriter out;
    private Path current;

    /** @param prefix file name prefix, e.g. {@code ticks} or {@code ticks-sandbox} */
    public TickRecorder(Path dir, String prefix) {
        this.dir = dir;
        this.prefix = prefix;
        this.writer = new Thread(this::run, "tick-recorder");
        this.writer.setDaemon(true);
        this.writer.start();
    }

    /** Queues a tick; never blocks. A full queue drops the tick and counts it. */
    public void record(Tick tick) {
        if (tick.exchangeTimeMillis() <= 0 || !queue.offer(tick)) {
            if (tick.exchangeTimeMillis() > 0 && Long.bitCount(dropped.incrementAndGet()) == 1) {
                LOG.warn("tick recorder cannot keep up: {} ticks not recorded so far", dropped.get());
            }
        }
    }

    public long written() {
        return written.get();
    }

    /** The file being written, or null before the first tick. */
    public synchronized Path currentFile() {
        return current;
    }

    private void run() {
        List<Tick> batch = new ArrayList<>(4096);
        long lastFlush = System.nanoTime();
        try {
            while (true) {
                Tick first = queue.poll(FLUSH_NANOS, TimeUnit.NANOSECONDS);
                if (first != null) {
                    batch.add(first);
                    queue.drainTo(batch, 4095);
                }
                boolean stop = false;
                for (Tick t : batch) {
                    if (t == STOP) {
                        stop = true;
                        break;
                    }
                    write(t);
                }
                batch.clear();
                if (out != null && (stop || queue.isEmpty() || System.nanoTime() - lastFlush >= FLUSH_NANOS)) {
                    out.flush();
                    lastFlush = System.nanoTime();
                }
                if (stop) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            LOG.error("tick recording stopped: cannot write {}: {}", current, e.getMessage());
        } finally {
            closeFile();
        }
    }

    private void write(Tick t) throws IOException {
        LocalDate d = SessionCalendar.istDate(t.exchangeTimeMillis());
        if (!d.equals(day)) {
            open(d);
        }
        out.write(Long.toString(t.exchangeTimeMillis()));
        out.write(',');
        out.write(Long.toString(t.token()));
        out.write(',');
        out.write(price(t.lastPrice(), t.token()));
        out.write(',');
        out.write(Long.toString(Math.max(0, t.volume())));
        out.write(',');
        out.write(Long.toString(t.lastQuantity()));
        out.write('\n');
        written.incrementAndGet();
    }

    private static String price(long minor, long token) {
        long divisor = Prices.divisor(token);
        int decimals = Long.toString(divisor).length() - 1;
        return java.math.BigDecimal.valueOf(minor, decimals).toPlainString();
    }

    private void open(LocalDate d) throws IOException {
        closeFile();
        Files.createDirectories(dir);
        Path file = dir.resolve(prefix + "-" + d + ".csv");
        boolean fresh = !Files.exists(file) || Files.size(file) == 0;
        boolean torn = !fresh && !endsWithNewline(file);
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        if (fresh) {
            w.write(HEADER);
            w.write('\n');
        } else if (torn) {
            w.write('\n'); // the previous run died mid-line: that line stays one malformed line, replay skips it
        }
        synchronized (this) {
            out = w;
            day = d;
            current = file;
        }
        LOG.info("recording ticks to {}", file);
    }

    private static boolean endsWithNewline(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            if (f.length() == 0) {
                return true;
            }
            f.seek(f.length() - 1);
            return f.read() == '\n';
        }
    }

    private void closeFile() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                LOG.warn("closing {}: {}", current, e.getMessage());
            }
            out = null;
        }
    }

    @Override
    public void close() {
        try {
            queue.put(STOP);
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
