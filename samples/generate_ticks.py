#!/usr/bin/env python3
"""Writes a deterministic sample tick file for `./scanner replay` (design.md 5).

One NSE session (09:15-15:30 IST) of a trading day for five NIFTY 50 symbols with their real Kite
instrument tokens, roughly one tick a second per symbol. Prices follow trending regimes with reversals
so that EMA crossovers (BUY and SELL signals) happen after the 30-candle warm-up. A few pre-open and
post-close ticks, one late tick, one unknown token and a few malformed lines show replay's reporting.

    python3 samples/generate_ticks.py [--date 2026-11-23] [--seed 7] [--out samples/nifty-sample-2026-11-23.csv]

Standard library only; the same arguments always produce the same file.
"""
import argparse
import datetime as dt
import math
import random

IST = dt.timezone(dt.timedelta(hours=5, minutes=30))
SYMBOLS = [  # symbol, Kite instrument token (docs/nifty50.md), start price in rupees
    ("RELIANCE", 738561, 1520.0),
    ("INFY", 408065, 1580.0),
    ("TCS", 2953217, 3450.0),
    ("HDFCBANK", 341249, 1990.0),
    ("ICICIBANK", 1270529, 1410.0),
]
TICK = 0.05


def iso(t):
    return t.isoformat(timespec="milliseconds") if t.microsecond else t.isoformat()


def symbol_ticks(rng, date, token, price):
    """Yields (time, token, price, cumulative volume) for one symbol over the day."""
    open_ = dt.datetime.combine(date, dt.time(9, 15), IST)
    volume = 0
    # pre-open auction ticks (ignored by the engine: outside 09:15-15:30)
    for s in (120, 300, 420):
        volume += rng.randint(2000, 8000)
        yield open_ - dt.timedelta(minutes=15) + dt.timedelta(seconds=s), token, price, volume
    drift = 0.0
    regime_left = 0
    for second in range(0, 22_500):
        if regime_left <= 0:
            regime_left = rng.randint(900, 2700)          # 15 to 45 minutes
            drift = rng.choice((-1, 1)) * rng.uniform(0.00002, 0.00006) * price
        regime_left -= 1
        price = max(TICK, price + drift + rng.gauss(0, 0.00035) * price)
        if rng.random() < 0.75:
            volume += rng.randint(1, 400)
            t = open_ + dt.timedelta(seconds=second, milliseconds=rng.randint(0, 999))
            yield t, token, round(round(price / TICK) * TICK, 2), volume
    for s in (15, 240, 600):  # post-close ticks (ignored)
        volume += rng.randint(100, 900)
        yield open_.replace(hour=15, minute=30) + dt.timedelta(seconds=s), token, round(round(price / TICK) * TICK, 2), volume


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--date", default="2026-11-23", help="a weekday that is an NSE trading day")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", default=None)
    args = ap.parse_args()
    date = dt.date.fromisoformat(args.date)
    if date.weekday() >= 5:
        ap.error(f"{date} is a weekend day; pick a weekday that is a trading day")
    out = args.out or f"samples/nifty-sample-{date}.csv"
    rng = random.Random(args.seed)
    rows = []
    for symbol, token, start in SYMBOLS:
        rows.extend(symbol_ticks(random.Random(rng.randint(0, 2**31)), date, token, start))
    rows.sort(key=lambda r: (r[0], r[1]))
    lines = []
    for i, (t, token, price, volume) in enumerate(rows):
        # every 50th line uses epoch milliseconds: both time formats are valid
        time = str(int(t.timestamp() * 1000)) if i % 50 == 0 else iso(t)
        lines.append(f"{time},{token},{price:.2f},{volume},{rng.randint(1, 50)}")
    ten_am = dt.datetime.combine(date, dt.time(10, 0, 1), IST)
    extras = [  # (insert after this time, line)
        (ten_am, f"{iso(ten_am)},738561,abc,1000,1"),                       # price is not a number
        (ten_am, f"{iso(ten_am)},408065"),                                  # too few columns
        (ten_am + dt.timedelta(hours=1), f"11:00:01,2953217,3450.00,100,1"),  # time without date and offset
        (ten_am + dt.timedelta(hours=2), f"{iso(ten_am + dt.timedelta(hours=2))},999999,100.00,10,1"),  # unknown token
        # a late tick: stamped 09:59:58 but arriving after the 09:55 candle closed
        (ten_am + dt.timedelta(seconds=5), f"{iso(ten_am - dt.timedelta(seconds=3))},341249,1990.00,1,1"),
    ]
    for when, text in extras:
        pos = next(i for i, (t, *_rest) in enumerate(rows) if t >= when)
        lines.insert(pos + 1, text)
        rows.insert(pos + 1, (when, 0, 0, 0))
    with open(out, "w", newline="\n") as f:
        f.write("time,token,last_price,volume,last_quantity\n")
        f.write("\n".join(lines))
        f.write("\n")
    print(f"wrote {out}: {len(lines)} lines")


if __name__ == "__main__":
    main()
