package io.niftyscanner.sandbox;

import io.niftyscanner.market.Instrument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The built-in NIFTY 50: real Kite instrument tokens (shared/docs/nifty50.md), rough late-2025 price levels,
 * volatilities and index weights, so the simulated market looks like the real one.
 */
public final class Nifty50Universe {
    public static final long NIFTY_50_TOKEN = 256265L;
    public static final String NIFTY_50_SYMBOL = "NIFTY 50";
    public static final double NIFTY_50_LEVEL = 26_000.0;

    private record Row(String symbol, long token, double price, double vol, double weight, String name) {}

    private static final List<Row> ROWS = List.of(
            new Row("ADANIENT", 6401, 2400, 0.40, 0.6, "ADANI ENTERPRISES"),
            new Row("ADANIPORTS", 3861249, 1450, 0.32, 0.9, "ADANI PORT & SEZ"),
            new Row("APOLLOHOSP", 40193, 7400, 0.24, 0.6, "APOLLO HOSPITALS"),
            new Row("ASIANPAINT", 60417, 2500, 0.22, 0.9, "ASIAN PAINTS"),
            new Row("AXISBANK", 1510401, 1230, 0.24, 3.0, "AXIS BANK"),
            new Row("BAJAJ-AUTO", 4267265, 8900, 0.24, 0.8, "BAJAJ AUTO"),
            new Row("BAJFINANCE", 81153, 1020, 0.28, 2.2, "BAJAJ FINANCE"),
            new Row("BAJAJFINSV", 4268801, 2050, 0.26, 0.9, "BAJAJ FINSERV"),
            new Row("BEL", 98049, 410, 0.32, 1.1, "BHARAT ELECTRONICS"),
            new Row("BPCL", 134657, 360, 0.30, 0.6, "BHARAT PETROLEUM CORP"),
            new Row("BHARTIARTL", 2714625, 2100, 0.22, 4.5, "BHARTI AIRTEL"),
            new Row("BRITANNIA", 140033, 5900, 0.20, 0.6, "BRITANNIA INDUSTRIES"),
            new Row("CIPLA", 177665, 1520, 0.22, 0.7, "CIPLA"),
            new Row("COALINDIA", 5215745, 385, 0.28, 0.8, "COAL INDIA"),
            new Row("DRREDDY", 225537, 1250, 0.22, 0.7, "DR. REDDY'S LABORATORIES"),
            new Row("EICHERMOT", 232961, 6900, 0.26, 0.8, "EICHER MOTORS"),
            new Row("GRASIM", 315393, 2750, 0.24, 0.9, "GRASIM INDUSTRIES"),
            new Row("HCLTECH", 1850625, 1600, 0.26, 1.6, "HCL TECHNOLOGIES"),
            new Row("HDFCBANK", 341249, 990, 0.20, 13.0, "HDFC BANK"),
            new Row("HDFCLIFE", 119553, 760, 0.24, 0.7, "HDFC LIFE INS CO"),
            new Row("HEROMOTOCO", 345089, 5600, 0.26, 0.6, "HERO MOTOCORP"),
            new Row("HINDALCO", 348929, 800, 0.32, 0.9, "HINDALCO INDUSTRIES"),
            new Row("HINDUNILVR", 356865, 2450, 0.18, 2.0, "HINDUSTAN UNILEVER"),
            new Row("ICICIBANK", 1270529, 1390, 0.22, 9.0, "ICICI BANK"),
            new Row("ITC", 424961, 405, 0.18, 3.5, "ITC"),
            new Row("INDUSINDBK", 1346049, 850, 0.36, 0.5, "INDUSIND BANK"),
            new Row("INFY", 408065, 1550, 0.25, 5.0, "INFOSYS"),
            new Row("JSWSTEEL", 3001089, 1150, 0.30, 0.9, "JSW STEEL"),
            new Row("KOTAKBANK", 492033, 2100, 0.22, 2.8, "KOTAK MAHINDRA BANK"),
            new Row("LT", 2939649, 4000, 0.22, 4.0, "LARSEN & TOUBRO"),
            new Row("M&M", 519937, 3700, 0.26, 2.5, "MAHINDRA & MAHINDRA"),
            new Row("MARUTI", 2815745, 12500, 0.22, 1.6, "MARUTI SUZUKI INDIA"),
            new Row("NTPC", 2977281, 330, 0.24, 1.5, "NTPC"),
            new Row("NESTLEIND", 4598529, 1250, 0.18, 0.7, "NESTLE INDIA"),
            new Row("ONGC", 633601, 245, 0.28, 0.8, "OIL AND NATURAL GAS CORP."),
            new Row("POWERGRID", 3834113, 280, 0.24, 1.1, "POWER GRID CORP. LTD."),
            new Row("RELIANCE", 738561, 1480, 0.22, 8.5, "RELIANCE INDUSTRIES"),
            new Row("SBILIFE", 5582849, 2000, 0.22, 0.7, "SBI LIFE INSURANCE CO"),
            new Row("SHRIRAMFIN", 1102337, 800, 0.32, 0.8, "SHRIRAM FINANCE"),
            new Row("SBIN", 779521, 950, 0.24, 3.0, "STATE BANK OF INDIA"),
            new Row("SUNPHARMA", 857857, 1750, 0.22, 1.7, "SUN PHARMACEUTICAL IND L"),
            new Row("TCS", 2953217, 3150, 0.22, 3.0, "TATA CONSULTANCY SERV LT"),
            new Row("TATACONSUM", 878593, 1150, 0.24, 0.6, "TATA CONSUMER PRODUCT"),
            new Row("TATAMOTORS", 884737, 680, 0.34, 1.2, "TATA MOTORS"),
            new Row("TATASTEEL", 895745, 170, 0.32, 1.1, "TATA STEEL"),
            new Row("TECHM", 3465729, 1450, 0.28, 0.8, "TECH MAHINDRA"),
            new Row("TITAN", 897537, 3800, 0.24, 1.4, "TITAN COMPANY"),
            new Row("ULTRACEMCO", 2952193, 11800, 0.22, 1.2, "ULTRATECH CEMENT"),
            new Row("WIPRO", 969473, 245, 0.26, 0.7, "WIPRO"));

    private static final Map<String, Row> BY_SYMBOL = new LinkedHashMap<>();

    static {
        for (Row r : ROWS) {
            BY_SYMBOL.put(r.symbol(), r);
        }
    }

    private Nifty50Universe() {}

    public static List<Instrument> instruments() {
        List<Instrument> out = new ArrayList<>();
        for (Row r : ROWS) {
            out.add(Instrument.nseEquity(r.symbol(), r.token()));
        }
        return out;
    }

    public static Instrument index() {
        return new Instrument(NIFTY_50_SYMBOL, NIFTY_50_TOKEN, NIFTY_50_SYMBOL, "NSE", 0.05, 1);
    }

    /**
     * The simulated universe for the given equities (empty = the built-in list), index last. Symbols the table does not
     * know get a price level and volatility derived from their name, so any configured list works.
     */
    public static List<SimInstrument> universe(List<Instrument> equities) {
        List<Instrument> list = equities.isEmpty() ? instruments() : equities;
        List<SimInstrument> out = new ArrayList<>();
        for (Instrument i : list) {
            if (i.isIndex()) {
                continue;
            }
            Row r = BY_SYMBOL.get(i.symbol().toUpperCase(Locale.ROOT));
            if (r != null) {
                out.add(new SimInstrument(i, r.price(), r.vol(), r.weight(), r.name()));
            } else {
                int h = Math.floorMod(i.symbol().hashCode(), 1000);
                out.add(new SimInstrument(i, 100 + h * 3.0, 0.22 + (h % 15) / 100.0, 0.5, i.name()));
            }
        }
        out.add(new SimInstrument(index(), NIFTY_50_LEVEL, 0.0, 0.0, NIFTY_50_SYMBOL));
        return List.copyOf(out);
    }
}
