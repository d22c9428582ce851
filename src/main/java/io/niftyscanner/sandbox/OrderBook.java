package io.niftyscanner.sandbox;

import io.niftyscanner.market.SessionCalendar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * The sandbox's orders: Kite's validation, then MARKET fills at the last price with a small slippage, LIMIT
 * fills when the price reaches the limit, SL/SL-M wait for their trigger. Every change after placement is
 * pushed as a WebSocket order update. Thread-safe. Orders do not move the simulated market.
 */
final class OrderBook {
    /** Receives order updates for the api_key's sockets. */
    interface UpdateSink {
        void orderUpdate(String apiKey, Map<String, Object> order);
    }

    /** Zerodha's risk system squares off open MIS positions from about 15:20-15:25; the sandbox does it at 15:25. */
    static final java.time.LocalTime MIS_SQUARE_OFF = java.time.LocalTime.of(15, 25);
    static final String RMS_SQUARE_OFF_MESSAGE = "Auto square-off by RMS: MIS positions are closed at 15:25";

    static final String USER_ID = "SB0001";
    static final String USER_NAME = "Sandbox Trader";
    private static final Set<String> VARIETIES = Set.of("regular", "amo", "co", "iceberg", "auction");
    private static final Set<String> PRODUCTS = Set.of("CNC", "NRML", "MIS", "MTF");
    private static final Set<String> ORDER_TYPES = Set.of("MARKET", "LIMIT", "SL", "SL-M");
    private static final Set<String> VALIDITIES = Set.of("DAY", "IOC", "TTL");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9]{1,20}");

    private final SimMarket market;
    private final LongSupplier marketTime;
    private final UpdateSink sink;
    private final SandboxStats stats;
    private final String apiSecret;
    private final Map<String, Order> orders = new LinkedHashMap<>();
    private final List<Map<String, Object>> trades = new ArrayList<>();
    private final List<SandboxExchange.OrderListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private long sequence;
    private long squaredOffDay = Long.MIN_VALUE;

    OrderBook(SimMarket market, LongSupplier marketTime, UpdateSink sink, SandboxStats stats, String apiSecret) {
        this.market = market;
        this.marketTime = marketTime;
        this.sink = sink;
        this.stats = stats;
        this.apiSecret = apiSecret;
    }

    private static final class Order {
        String id;
        String exchangeOrderId;
        String apiKey;
        String variety;
        SimInstrument instrument;
        String transactionType;
        String orderType;
        String product;
        String validity;
        long quantity;
        long disclosed;
        long price;
        long trigger;
        String tag;
        String marketProtection;
        boolean modified;
        String placedBy = USER_ID;
        String status;
        String statusMessage;
        long filledQuantity;
        long averagePrice;
        long cancelledQuantity;
        long placedMillis;
        long updatedMillis;
        final List<Map<String, Object>> history = new ArrayList<>();

        boolean buy() {
            return transactionType.equals("BUY");
        }

        boolean live() {
            return status.equals("OPEN") || status.equals("TRIGGER PENDING") || status.equals("AMO REQ RECEIVED");
        }
    }

    void addListener(SandboxExchange.OrderListener l) {
        listeners.add(l);
    }

    /**
     * Validates and places an order; returns its id. The form is Kite's POST /orders/{variety} body. Listeners hear of
     * the order after it is in the book and before the caller answers the request.
     */
    String place(String apiKey, String variety, Map<String, String> form) {
        String id = placeInBook(apiKey, variety, form);
        for (SandboxExchange.OrderListener l : listeners) {
            l.placed(id, form.get("tag"));
        }
        return id;
    }

    private String placeInBook(String apiKey, String variety, Map<String, String> form) {
        Order o = validate(variety, form);
        o.apiKey = apiKey;
        QuoteSnapshot quote = market.quote(o.instrument.token(), marketTime.getAsLong());
        long now = marketTime.getAsLong();
        boolean open = market.inSession(now);
        synchronized (this) {
            sequence++;
            o.id = orderId(now, sequence);
            o.exchangeOrderId = String.valueOf(1_100_000_000_000_000L + sequence);
            o.placedMillis = now;
            orders.put(o.id, o);
            stats.ordersPlaced.incrementAndGet();
            record(o, "PUT ORDER REQ RECEIVED", null, now, false);
            record(o, "VALIDATION PENDING", null, now, false);
            if (variety.equals("amo")) {
                record(o, "AMO REQ RECEIVED", null, now, true);
                return o.id;
            }
            if (!open) {
                record(o, "REJECTED", "Markets are closed right now (sandbox time " + KiteTime.plain(now)
                        + " IST). Place orders between 09:15 and 15:30, or use variety amo.", now, true);
                return o.id;
            }
            record(o, "OPEN PENDING", null, now, false);
            if (o.orderType.equals("SL") || o.orderType.equals("SL-M")) {
                record(o, "TRIGGER PENDING", null, now, true);
                checkTrigger(o, quote.lastPrice(), now);
            } else {
                record(o, "OPEN", null, now, true);
                tryFill(o, quote.lastPrice(), now, true);
            }
            return o.id;
        }
    }

    /** Called for each instrument that ticked: triggers and fills resting orders. */
    synchronized void onTick(long token, long lastPrice, long timeMillis) {
        for (Order o : orders.values()) {
            if (o.instrument.token() != token || !o.live() || o.status.equals("AMO REQ RECEIVED")) {
                continue;
            }
            if (o.status.equals("TRIGGER PENDING")) {
                checkTrigger(o, lastPrice, timeMillis);
            } else {
                tryFill(o, lastPrice, timeMillis, false);
            }
        }
    }

    synchronized String cancel(String variety, String orderId) {
        Order o = orders.get(orderId);
        if (o == null || !o.variety.equals(variety)) {
            throw SandboxError.input("No order " + orderId + " of variety " + variety + ": list them with GET /orders.");
        }
        if (!o.live()) {
            throw SandboxError.input("Order " + orderId + " cannot be cancelled: it is already " + o.status + ".");
        }
        long now = marketTime.getAsLong();
        o.cancelledQuantity = o.quantity - o.filledQuantity;
        record(o, "CANCEL PENDING", null, now, false);
        record(o, "CANCELLED", null, now, true);
        return o.id;
    }

    /**
     * Kite's PUT /orders/{variety}/{order_id}: an open or trigger-pending order takes the new quantity, price, trigger
     * price, order type or validity; fields not given stay. The history gains MODIFY VALIDATION PENDING, MODIFY PENDING
     * and MODIFIED, then the order rests again (or fills at once if it became marketable) with {@code modified: true}.
     */
    synchronized String modify(String variety, String orderId, Map<String, String> form) {
        Order o = orders.get(orderId);
        if (o == null || !o.variety.equals(variety)) {
            throw new SandboxError(400, "OrderException", "Couldn't find order " + orderId + " of variety " + variety
                    + ": list the day's orders with GET /orders.");
        }
        if (!o.live() || o.status.equals("AMO REQ RECEIVED")) {
            throw SandboxError.input("Order " + orderId + " cannot be modified: it is already " + o.status + ".");
        }
        String type = form.get("order_type") == null || form.get("order_type").isBlank() ? o.orderType
                : oneOf(form, "order_type", ORDER_TYPES, "MARKET, LIMIT, SL or SL-M");
        long quantity = form.get("quantity") == null || form.get("quantity").isBlank() ? o.quantity
                : positiveInt(form, "quantity", true);
        int lot = o.instrument.instrument().lotSize();
        if (quantity % lot != 0) {
            throw SandboxError.input("Invalid `quantity` " + quantity + ": it must be a multiple of the lot size " + lot + ".");
        }
        boolean needsPrice = type.equals("LIMIT") || type.equals("SL");
        boolean needsTrigger = type.equals("SL") || type.equals("SL-M");
        long price = form.containsKey("price") ? price(form, "price", needsPrice, type) : needsPrice ? o.price : 0;
        long trigger = form.containsKey("trigger_price") ? price(form, "trigger_price", needsTrigger, type) : needsTrigger ? o.trigger : 0;
        if (needsPrice && price == 0) {
            throw SandboxError.input("Missing `price`: a " + type + " order needs it.");
        }
        if (needsTrigger && trigger == 0) {
            throw SandboxError.input("Missing `trigger_price`: a " + type + " order needs it.");
        }
        String validity = form.get("validity") == null || form.get("validity").isBlank() ? o.validity
                : oneOf(form, "validity", VALIDITIES, "DAY, IOC or TTL");
        long now = marketTime.getAsLong();
        record(o, "MODIFY VALIDATION PENDING", null, now, false);
        o.orderType = type;
        o.quantity = quantity;
        o.price = price;
        o.trigger = trigger;
        o.validity = validity;
        o.modified = true;
        record(o, "MODIFY PENDING", null, now, false);
        record(o, "MODIFIED", null, now, false);
        long last = market.quote(o.instrument.token(), now).lastPrice();
        if (needsTrigger) {
            record(o, "TRIGGER PENDING", null, now, true);
            checkTrigger(o, last, now);
        } else {
            record(o, "OPEN", null, now, true);
            tryFill(o, last, now, true);
        }
        return o.id;
    }

    /**
     * From {@link #MIS_SQUARE_OFF} on, once a day: pending MIS orders are cancelled and every open MIS position is
     * closed with a MARKET order, as Zerodha's risk system does. Called by the pump with the market time.
     */
    synchronized void squareOffMisIfDue(long now) {
        long day = SessionCalendar.istEpochDay(now);
        if (day == squaredOffDay || !market.inSession(now)
                || SessionCalendar.istMillisOfDay(now) < MIS_SQUARE_OFF.toSecondOfDay() * 1000L) {
            return;
        }
        squaredOffDay = day;
        for (Order o : List.copyOf(orders.values())) {
            if (o.product.equals("MIS") && o.live()) {
                o.cancelledQuantity = o.quantity - o.filledQuantity;
                record(o, "CANCELLED", RMS_SQUARE_OFF_MESSAGE, now, true);
            }
        }
        Map<String, long[]> net = new LinkedHashMap<>(); // quantity by apiKey + symbol
        Map<String, Order> sample = new LinkedHashMap<>();
        for (Order o : orders.values()) {
            if (o.product.equals("MIS") && o.filledQuantity > 0) {
                String key = o.apiKey + "\u0000" + o.instrument.token();
                net.computeIfAbsent(key, k -> new long[1])[0] += o.buy() ? o.filledQuantity : -o.filledQuantity;
                sample.putIfAbsent(key, o);
            }
        }
        net.forEach((key, q) -> {
            if (q[0] == 0) {
                return;
            }
            Order like = sample.get(key);
            Order x = new Order();
            x.apiKey = like.apiKey;
            x.variety = "regular";
            x.instrument = like.instrument;
            x.transactionType = q[0] > 0 ? "SELL" : "BUY";
            x.orderType = "MARKET";
            x.product = "MIS";
            x.validity = "DAY";
            x.quantity = Math.abs(q[0]);
            x.placedBy = "ADMINSQF";
            x.marketProtection = "-1";
            sequence++;
            x.id = orderId(now, sequence);
            x.exchangeOrderId = String.valueOf(1_100_000_000_000_000L + sequence);
            x.placedMillis = now;
            orders.put(x.id, x);
            stats.ordersPlaced.incrementAndGet();
            record(x, "PUT ORDER REQ RECEIVED", RMS_SQUARE_OFF_MESSAGE, now, false);
            record(x, "VALIDATION PENDING", RMS_SQUARE_OFF_MESSAGE, now, false);
            record(x, "OPEN PENDING", RMS_SQUARE_OFF_MESSAGE, now, false);
            record(x, "OPEN", RMS_SQUARE_OFF_MESSAGE, now, true);
            fill(x, slipped(x, market.quote(x.instrument.token(), now).lastPrice()), now, RMS_SQUARE_OFF_MESSAGE);
        });
    }

    synchronized List<Map<String, Object>> list() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Order o : orders.values()) {
            out.add(view(o));
        }
        return out;
    }

    synchronized Optional<List<Map<String, Object>>> history(String orderId) {
        Order o = orders.get(orderId);
        return o == null ? Optional.empty() : Optional.of(List.copyOf(o.history));
    }

    synchronized List<Map<String, Object>> trades() {
        return List.copyOf(trades);
    }

    /**
     * Kite's GET /portfolio/positions from the day's fills: {@code net} and {@code day} (the same here: the sandbox
     * keeps no overnight positions). P&L is marked to the current last price.
     */
    Map<String, Object> positions() {
        List<Map<String, Object>> fills;
        synchronized (this) {
            fills = List.copyOf(trades);
        }
        Map<String, long[]> byKey = new LinkedHashMap<>(); // buyQty, buyValue, sellQty, sellValue (paise)
        Map<String, Map<String, Object>> first = new LinkedHashMap<>();
        for (Map<String, Object> t : fills) {
            String key = t.get("exchange") + ":" + t.get("tradingsymbol") + ":" + t.get("product");
            long[] a = byKey.computeIfAbsent(key, k -> new long[4]);
            first.putIfAbsent(key, t);
            long qty = ((Number) t.get("quantity")).longValue();
            long value = Math.round(((Number) t.get("average_price")).doubleValue() * 100) * qty;
            int side = "BUY".equals(t.get("transaction_type")) ? 0 : 2;
            a[side] += qty;
            a[side + 1] += value;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        long now = marketTime.getAsLong();
        byKey.forEach((key, a) -> {
            Map<String, Object> t = first.get(key);
            long token = ((Number) t.get("instrument_token")).longValue();
            QuoteSnapshot q = market.quote(token, now);
            long qty = a[0] - a[2];
            double pnl = (a[3] - a[1] + qty * q.lastPrice()) / 100.0;
            long matched = Math.min(a[0], a[2]);
            // realised: the matched quantity at the average sell price less the average buy price
            double realised = matched == 0 ? 0.0
                    : Math.round(matched * ((double) a[3] / a[2] - (double) a[1] / a[0])) / 100.0;
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("tradingsymbol", t.get("tradingsymbol"));
            m.put("exchange", t.get("exchange"));
            m.put("instrument_token", token);
            m.put("product", t.get("product"));
            m.put("quantity", qty);
            m.put("overnight_quantity", 0);
            m.put("multiplier", 1);
            m.put("average_price", qty > 0 ? average(a[1], a[0]) : qty < 0 ? average(a[3], a[2]) : 0.0);
            m.put("close_price", q.close() / 100.0);
            m.put("last_price", q.lastPrice() / 100.0);
            m.put("value", (a[3] - a[1]) / 100.0);
            m.put("pnl", pnl);
            m.put("m2m", pnl);
            m.put("unrealised", Math.round((pnl - realised) * 100) / 100.0);
            m.put("realised", realised);
            m.put("buy_quantity", a[0]);
            m.put("buy_price", average(a[1], a[0]));
            m.put("buy_value", a[1] / 100.0);
            m.put("sell_quantity", a[2]);
            m.put("sell_price", average(a[3], a[2]));
            m.put("sell_value", a[3] / 100.0);
            m.put("day_buy_quantity", a[0]);
            m.put("day_buy_value", a[1] / 100.0);
            m.put("day_sell_quantity", a[2]);
            m.put("day_sell_value", a[3] / 100.0);
            rows.add(m);
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("net", rows);
        out.put("day", rows);
        return out;
    }

    /** Average price in rupees of a value in paise over a quantity, 0 for no quantity. */
    private static double average(long valuePaise, long quantity) {
        return quantity == 0 ? 0.0 : Math.round((double) valuePaise / quantity) / 100.0;
    }

    synchronized Optional<List<Map<String, Object>>> tradesOf(String orderId) {
        if (!orders.containsKey(orderId)) {
            return Optional.empty();
        }
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> t : trades) {
            if (orderId.equals(t.get("order_id"))) {
                out.add(t);
            }
        }
        return Optional.of(out);
    }

    private void checkTrigger(Order o, long last, long now) {
        boolean triggered = o.buy() ? last >= o.trigger : last <= o.trigger;
        if (!triggered) {
            return;
        }
        record(o, "OPEN", null, now, true);
        if (o.orderType.equals("SL-M")) {
            fill(o, slipped(o, last), now);
        } else {
            tryFill(o, last, now, true);
        }
    }

    private void tryFill(Order o, long last, long now, boolean atPlacement) {
        if (o.orderType.equals("MARKET") || o.orderType.equals("SL-M")) {
            fill(o, slipped(o, last), now);
            return;
        }
        boolean reached = o.buy() ? last <= o.price : last >= o.price;
        if (reached) {
            fill(o, atPlacement ? last : o.price, now);
        } else if (atPlacement && o.validity.equals("IOC")) {
            o.cancelledQuantity = o.quantity;
            record(o, "CANCELLED", "IOC order not matched at placement: cancelled.", now, true);
        }
    }

    private long slipped(Order o, long last) {
        long slip = Math.max(5L, Math.round(last * 0.0002 / 5.0) * 5L);
        return o.buy() ? last + slip : Math.max(5L, last - slip);
    }

    private void fill(Order o, long price, long now) {
        fill(o, price, now, null);
    }

    private void fill(Order o, long price, long now, String message) {
        o.filledQuantity = o.quantity;
        o.averagePrice = price;
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("trade_id", String.valueOf(10_000_000L + trades.size() + 1));
        t.put("order_id", o.id);
        t.put("exchange", o.instrument.instrument().exchange());
        t.put("tradingsymbol", o.instrument.symbol());
        t.put("instrument_token", o.instrument.token());
        t.put("product", o.product);
        t.put("average_price", price / 100.0);
        t.put("quantity", o.quantity);
        t.put("exchange_order_id", o.exchangeOrderId);
        t.put("transaction_type", o.transactionType);
        t.put("fill_timestamp", KiteTime.plain(now));
        t.put("order_timestamp", KiteTime.plain(now));
        t.put("exchange_timestamp", KiteTime.plain(now));
        trades.add(t);
        record(o, "COMPLETE", message, now, true);
    }

    private void record(Order o, String status, String message, long now, boolean push) {
        o.status = status;
        o.statusMessage = message;
        o.updatedMillis = now;
        Map<String, Object> v = view(o);
        o.history.add(v);
        if (push) {
            Map<String, Object> update = new LinkedHashMap<>(v);
            update.put("user_id", USER_ID);
            update.put("unfilled_quantity", o.quantity - o.filledQuantity - o.cancelledQuantity);
            update.put("app_id", 0);
            update.put("checksum", Sessions.sha256Hex(o.id + v.get("order_timestamp") + apiSecret));
            stats.orderUpdatesSent.incrementAndGet();
            sink.orderUpdate(o.apiKey, update);
        }
    }

    private Map<String, Object> view(Order o) {
        Map<String, Object> m = new LinkedHashMap<>();
        boolean reachedExchange = !o.status.equals("PUT ORDER REQ RECEIVED") && !o.status.equals("VALIDATION PENDING")
                && !o.status.equals("REJECTED");
        m.put("placed_by", o.placedBy);
        m.put("order_id", o.id);
        m.put("exchange_order_id", reachedExchange ? o.exchangeOrderId : null);
        m.put("parent_order_id", null);
        m.put("status", o.status);
        m.put("status_message", o.statusMessage);
        m.put("status_message_raw", o.statusMessage);
        m.put("order_timestamp", KiteTime.plain(o.updatedMillis));
        m.put("exchange_update_timestamp", reachedExchange ? KiteTime.plain(o.updatedMillis) : null);
        m.put("exchange_timestamp", reachedExchange ? KiteTime.plain(o.placedMillis) : null);
        m.put("variety", o.variety);
        m.put("modified", o.modified);
        m.put("exchange", o.instrument.instrument().exchange());
        m.put("tradingsymbol", o.instrument.symbol());
        m.put("instrument_token", o.instrument.token());
        m.put("order_type", o.orderType);
        m.put("transaction_type", o.transactionType);
        m.put("validity", o.validity);
        m.put("validity_ttl", 0);
        m.put("product", o.product);
        m.put("quantity", o.quantity);
        m.put("disclosed_quantity", o.disclosed);
        m.put("price", o.price / 100.0);
        m.put("trigger_price", o.trigger / 100.0);
        m.put("average_price", o.averagePrice / 100.0);
        m.put("filled_quantity", o.filledQuantity);
        m.put("pending_quantity", o.live() ? o.quantity - o.filledQuantity : 0);
        m.put("cancelled_quantity", o.cancelledQuantity);
        m.put("market_protection", o.marketProtection == null ? 0 : Integer.parseInt(o.marketProtection));
        m.put("meta", Map.of());
        m.put("tag", o.tag);
        m.put("tags", o.tag == null ? List.of() : List.of(o.tag));
        m.put("guid", o.id + "-sandbox");
        return m;
    }

    private static String orderId(long now, long seq) {
        java.time.LocalDate d = SessionCalendar.istDate(now);
        return String.format(Locale.ROOT, "%02d%02d%02d%09d", d.getYear() % 100, d.getMonthValue(), d.getDayOfMonth(), seq);
    }

    private Order validate(String variety, Map<String, String> form) {
        if (!VARIETIES.contains(variety)) {
            throw SandboxError.input("Invalid variety `" + variety + "`: use regular, amo, co, iceberg or auction.");
        }
        Order o = new Order();
        o.variety = variety;
        String exchange = required(form, "exchange").toUpperCase(Locale.ROOT);
        String symbol = required(form, "tradingsymbol").toUpperCase(Locale.ROOT);
        o.instrument = market.byKey(exchange + ":" + symbol).orElseThrow(() -> SandboxError.input(
                "Invalid `tradingsymbol`/`exchange`: " + exchange + ":" + symbol + " is not traded in the sandbox"
                        + " (it simulates the NSE NIFTY 50 equities)."));
        if (o.instrument.isIndex()) {
            throw SandboxError.input("Invalid `tradingsymbol`: " + symbol + " is an index and cannot be traded.");
        }
        o.transactionType = oneOf(form, "transaction_type", Set.of("BUY", "SELL"), "BUY or SELL");
        o.orderType = oneOf(form, "order_type", ORDER_TYPES, "MARKET, LIMIT, SL or SL-M");
        o.product = oneOf(form, "product", PRODUCTS, "CNC, NRML, MIS or MTF");
        String validity = form.get("validity");
        o.validity = validity == null || validity.isBlank() ? "DAY" : oneOf(form, "validity", VALIDITIES, "DAY, IOC or TTL");
        o.quantity = positiveInt(form, "quantity", true);
        int lot = o.instrument.instrument().lotSize();
        if (o.quantity % lot != 0) {
            throw SandboxError.input("Invalid `quantity` " + o.quantity + ": it must be a multiple of the lot size " + lot + ".");
        }
        o.disclosed = positiveInt(form, "disclosed_quantity", false);
        boolean needsPrice = o.orderType.equals("LIMIT") || o.orderType.equals("SL");
        boolean needsTrigger = o.orderType.equals("SL") || o.orderType.equals("SL-M");
        o.price = price(form, "price", needsPrice, o.orderType);
        o.trigger = price(form, "trigger_price", needsTrigger, o.orderType);
        String tag = form.get("tag");
        if (tag != null && !tag.isEmpty()) {
            if (!TAG.matcher(tag).matches()) {
                throw SandboxError.input("Invalid `tag` '" + tag + "': at most 20 letters and digits.");
            }
            o.tag = tag;
        }
        String protection = form.get("market_protection");
        if (protection != null && !protection.isBlank()) {
            try {
                int p = Integer.parseInt(protection.trim());
                if (p < -1 || p > 100) {
                    throw new NumberFormatException();
                }
                o.marketProtection = String.valueOf(p);
            } catch (NumberFormatException e) {
                throw SandboxError.input("Invalid `market_protection` '" + protection + "': use 0, 1..100 (percent) or -1 (automatic).");
            }
        }
        return o;
    }

    private static String required(Map<String, String> form, String field) {
        String v = form.get(field);
        if (v == null || v.isBlank()) {
            throw SandboxError.input("Missing `" + field + "`: it is required to place an order.");
        }
        return v.trim();
    }

    private static String oneOf(Map<String, String> form, String field, Set<String> allowed, String hint) {
        String v = required(form, field).toUpperCase(Locale.ROOT);
        if (!allowed.contains(v)) {
            throw SandboxError.input("Invalid `" + field + "` '" + form.get(field) + "': use " + hint + ".");
        }
        return v;
    }

    private static long positiveInt(Map<String, String> form, String field, boolean required) {
        String v = form.get(field);
        if (v == null || v.isBlank()) {
            if (required) {
                throw SandboxError.input("Missing `" + field + "`: it is required to place an order.");
            }
            return 0;
        }
        try {
            long q = Long.parseLong(v.trim());
            if (q <= 0 && required || q < 0) {
                throw new NumberFormatException();
            }
            return q;
        } catch (NumberFormatException e) {
            throw SandboxError.input("Invalid `" + field + "` '" + v + "': it must be a positive whole number.");
        }
    }

    private static long price(Map<String, String> form, String field, boolean required, String orderType) {
        String v = form.get(field);
        if (v == null || v.isBlank() || (!required && isZero(v))) {
            if (required) {
                throw SandboxError.input("Missing `" + field + "`: a " + orderType + " order needs it.");
            }
            return 0;
        }
        double p;
        try {
            p = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            throw SandboxError.input("Invalid `" + field + "` '" + v + "': it must be a number such as 1573.45.");
        }
        if (!(p > 0) || Double.isInfinite(p)) {
            throw SandboxError.input("Invalid `" + field + "` '" + v + "': it must be above 0.");
        }
        long paise = Math.round(p * 100);
        if (Math.abs(p * 100 - paise) > 1e-6 || paise % 5 != 0) {
            throw SandboxError.input("Tick size for this script is 0.05. Kindly enter `" + field + "` in multiples of tick"
                    + " size (got " + v + ").");
        }
        return paise;
    }

    private static boolean isZero(String v) {
        try {
            return Double.parseDouble(v.trim()) == 0.0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
