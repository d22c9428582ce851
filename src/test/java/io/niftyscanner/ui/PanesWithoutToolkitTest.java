package io.niftyscanner.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.niftyscanner.app.WatchRow;
import io.niftyscanner.config.DataMode;
import io.niftyscanner.feed.FeedState;
import io.niftyscanner.market.Signal;
import io.niftyscanner.ui.main.DashboardSnapshot;
import io.niftyscanner.ui.sidebar.SidebarController;
import io.niftyscanner.ui.signals.SignalItem;
import io.niftyscanner.ui.signals.SignalsController;
import io.niftyscanner.ui.status.StatusBarController;
import io.niftyscanner.ui.watchlist.WatchItem;
import io.niftyscanner.ui.watchlist.WatchlistController;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The panes' controllers and models, driven with hand-made snapshots; no toolkit, no views. */
class PanesWithoutToolkitTest {

    @Test
    void watchlistLinesKeepTheirIdentityAndAreUpdatedInPlace() {
        List<String> selected = new ArrayList<>();
        WatchlistController c = new WatchlistController(selected::add);
        c.onSnapshot(Snapshots.tables(List.of(Snapshots.row("RELIANCE", 738561, 2500), Snapshots.row("INFY", 408065, 1500)), List.of()));
        List<WatchItem> first = List.copyOf(c.model().items());
        c.onSnapshot(Snapshots.tables(List.of(Snapshots.row("RELIANCE", 738561, 2510.5), Snapshots.row("INFY", 408065, 1499)), List.of()));

        assertThat(c.model().items()).hasSize(2);
        assertThat(c.model().items().get(0)).isSameAs(first.get(0));
        assertThat(c.model().items().get(1)).isSameAs(first.get(1));
        assertThat(first.get(0).lastPrice()).isEqualTo(2510.5);
        assertThat(first.get(1).lastPrice()).isEqualTo(1499.0);
        assertThat(selected).as("a refresh is not a user's selection").isEmpty();
    }

    @Test
    void watchlistIgnoresSnapshotsThatAreNotTableRefreshes() {
        WatchlistController c = new WatchlistController(s -> {});
        c.onSnapshot(new DashboardSnapshot(Snapshots.view(List.of(Snapshots.row("TCS", 2953217, 3000)), List.of(), FeedState.LIVE, 1),
                null, false));
        assertThat(c.model().items()).isEmpty();
    }

    @Test
    void watchlistShowsTrendAndDataQualityInWords() {
        WatchlistController c = new WatchlistController(s -> {});
        WatchRow gapped = new WatchRow("SBIN", 779521, 800, Double.NaN, 0, 801, 799, Double.NaN, Snapshots.T0, "GAPPED", null, Snapshots.T0);
        WatchRow partial = new WatchRow("TCS", 2953217, 3000, 1.0, 10, 2990, 2995, 40, Snapshots.T0, "PARTIAL",
                io.niftyscanner.market.Side.SELL, Snapshots.T0);
        c.onSnapshot(Snapshots.tables(List.of(gapped, partial), List.of()));
        WatchItem sbin = c.model().items().get(0);
        WatchItem tcs = c.model().items().get(1);
        assertThat(sbin.quality()).isEqualTo("GAPPED · awaiting repair");
        assertThat(tcs.quality()).isEqualTo("PARTIAL · awaiting repair");
        assertThat(sbin.changePercent()).isNaN();
    }

    @Test
    void signalsAreNewestFirstWithoutDuplicatesAcrossRefreshes() {
        List<Signal> opened = new ArrayList<>();
        SignalsController c = new SignalsController(new SignalsController.Handlers() {
            @Override
            public void onSignalSelected(Signal signal) {
                opened.add(signal);
            }

            @Override
            public void onSignalOpened(Signal signal) {
                opened.add(signal);
            }
        });
        Signal a = Snapshots.buy("RELIANCE", 738561, Snapshots.T0);
        Signal b = Snapshots.buy("INFY", 408065, Snapshots.T0 + 300_000);
        Signal d = Snapshots.buy("TCS", 2953217, Snapshots.T0 + 600_000);
        c.onSnapshot(Snapshots.tables(List.of(), List.of(a, b)));
        SignalItem lineB = c.model().items().get(0);
        c.onSnapshot(Snapshots.tables(List.of(), List.of(a, b, d)));

        assertThat(c.model().items()).extracting(i -> i.signal().symbol()).containsExactly("TCS", "INFY", "RELIANCE");
        assertThat(c.model().items().get(1)).isSameAs(lineB);
        assertThat(opened).isEmpty();
    }

    @Test
    void sidebarFollowsSnapshotsWithoutEchoingThemAsChoices() {
        List<DataMode> chosen = new ArrayList<>();
        int[] reconnects = {0};
        SidebarController c = new SidebarController(DataMode.STREAM, 60, new SidebarController.Handlers() {
            @Override
            public void onModeChosen(DataMode mode) {
                chosen.add(mode);
            }

            @Override
            public void onReconnect() {
                reconnects[0]++;
            }
        });
        io.niftyscanner.app.ScannerView polling = new io.niftyscanner.app.ScannerView(List.of(), List.of(),
                new io.niftyscanner.feed.FeedStatus(java.time.Instant.EPOCH, DataMode.POLL, "poll", FeedState.POLLING, "", 0, -1,
                        420, null, 0, 0, null), false, "Zerodha Kite", Snapshots.T0, 5, 1, 0, 0, null);
        c.onSnapshot(new DashboardSnapshot(polling, null, false));
        assertThat(c.model().mode().get()).isEqualTo(DataMode.POLL);
        assertThat(c.model().stateTitle().get()).isEqualTo("Polling");
        assertThat(c.model().stateDetail().get()).contains("last cycle 420 ms");
        assertThat(chosen).isEmpty();

        c.chooseMode(DataMode.HYBRID);
        c.chooseMode(DataMode.HYBRID);
        c.reconnect();
        assertThat(chosen).containsExactly(DataMode.HYBRID);
        assertThat(reconnects[0]).isEqualTo(1);
    }

    @Test
    void sidebarSaysLoginNeededWhenTheTokenExpired() {
        SidebarController c = new SidebarController(DataMode.STREAM, 60, new SidebarController.Handlers() {
            @Override
            public void onModeChosen(DataMode mode) {}

            @Override
            public void onReconnect() {}
        });
        c.onSnapshot(new DashboardSnapshot(Snapshots.view(List.of(), List.of(), FeedState.TOKEN_EXPIRED, 0), null, false));
        assertThat(c.model().stateTitle().get()).isEqualTo("Login needed");
    }

    @Test
    void statusBarShowsMarketTimeRateRepairsAndJournal() {
        StatusBarController c = new StatusBarController();
        io.niftyscanner.app.ScannerView v = new io.niftyscanner.app.ScannerView(List.of(), List.of(),
                Snapshots.status(FeedState.LIVE), true, "x", Snapshots.T0, 100, 10, 0, 3, java.nio.file.Path.of("data/journal.db"));
        c.onSnapshot(new DashboardSnapshot(v, null, false));
        assertThat(c.model().marketTime().get()).isEqualTo("Market time 10:00:00 IST");
        assertThat(c.model().ticksPerSecond().get()).isEqualTo("12 ticks/s");
        assertThat(c.model().awaitingRepair().get()).isEqualTo("3 candles awaiting repair");
        assertThat(c.model().journal().get()).isEqualTo("journal " + java.nio.file.Path.of("data/journal.db"));
        assertThat(c.model().latency().get()).as("no signal raised by a tick yet").isEqualTo("tick→signal –");
    }

    @Test
    void statusBarShowsTickToSignalLatencyInMilliseconds() {
        StatusBarController c = new StatusBarController();
        java.util.function.LongFunction<io.niftyscanner.app.ScannerView> withLatency = micros -> new io.niftyscanner.app.ScannerView(
                List.of(), List.of(), Snapshots.status(FeedState.LIVE), true, "x", Snapshots.T0, 100, 10, 0, 0,
                java.nio.file.Path.of("journal.db"), micros);
        c.onSnapshot(new DashboardSnapshot(withLatency.apply(1_234), null, false));
        assertThat(c.model().latency().get()).isEqualTo("tick→signal 1.23 ms");
        c.onSnapshot(new DashboardSnapshot(withLatency.apply(45_600), null, false));
        assertThat(c.model().latency().get()).isEqualTo("tick→signal 45 ms");
    }
}
