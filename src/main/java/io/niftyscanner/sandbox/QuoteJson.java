package io.niftyscanner.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of /quote, /quote/ohlc and /quote/ltp (kite-protocol.md 2.5), prices in rupees. */
final class QuoteJson {
    private QuoteJson() {}

    static double rupees(long paise) {
        return paise / 100.0;
    }

    static Map<String, Object> ltp(QuoteSnapshot q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instrument_token", q.token());
        m.put("last_price", rupees(q.lastPrice()));
        return m;
    }

    static Map<String, Object> ohlc(QuoteSnapshot q) {
        Map<String, Object> m = ltp(q);
        m.put("ohlc", ohlcMap(q));
        return m;
    }

    static Map<String, Object> full(QuoteSnapshot q) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("instrument_token", q.token());
        m.put("timestamp", KiteTime.plain(q.exchangeMillis()));
        m.put("last_trade_time", q.isIndex() ? null : KiteTime.plain(q.lastTradeMillis()));
        m.put("last_price", rupees(q.lastPrice()));
        m.put("last_quantity", q.lastQuantity());
        m.put("buy_quantity", q.buyQuantity());
        m.put("sell_quantity", q.sellQuantity());
        m.put("volume", q.volume());
        m.put("average_price", rupees(q.averagePrice()));
        m.put("oi", 0);
        m.put("oi_day_high", 0);
        m.put("oi_day_low", 0);
        m.put("net_change", rupees(q.lastPrice() - q.close()));
        long band = Math.round(q.close() * 0.10 / 5.0) * 5L;
        m.put("lower_circuit_limit", q.isIndex() ? 0.0 : rupees(Math.max(5, q.close() - band)));
        m.put("upper_circuit_limit", q.isIndex() ? 0.0 : rupees(q.close() + band));
        m.put("ohlc", ohlcMap(q));
        Map<String, Object> depth = new LinkedHashMap<>();
        depth.put("buy", side(q.bidPrice(), q.bidQuantity(), q.bidOrders()));
        depth.put("sell", side(q.askPrice(), q.askQuantity(), q.askOrders()));
        m.put("depth", depth);
        return m;
    }

    private static Map<String, Object> ohlcMap(QuoteSnapshot q) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("open", rupees(q.open()));
        o.put("high", rupees(q.high()));
        o.put("low", rupees(q.low()));
        o.put("close", rupees(q.close()));
        return o;
    }

    private static List<Map<String, Object>> side(long[] price, long[] qty, int[] orders) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int j = 0; j < price.length; j++) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("price", rupees(price[j]));
            e.put("quantity", qty[j]);
            e.put("orders", orders[j]);
            out.add(e);
        }
        return out;
    }
}
