// Kite's own JS client (npm kiteconnect 5.x) against the NIFTY Scanner sandbox exchange.
// usage: (cd /tmp/kitejs && npm install kiteconnect@5)
//        NODE_PATH=/tmp/kitejs/node_modules node scripts/kitejs-check.js REST_URL WS_URL   (URLs from ./scanner sandbox)
// Note: KiteTicker keeps its socket in module-level state, so events of the second (bad-token) ticker also reach the
// first ticker's handlers; that is the client's behaviour, not the sandbox's.
const { KiteConnect, KiteTicker } = require('kiteconnect');
const [rest, ws] = process.argv.slice(2);
if (!rest || !ws) { console.error('usage: node kitejs-check.js REST_URL WS_URL'); process.exit(2); }
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const kc = new KiteConnect({ api_key: 'sandbox', root: rest, login_uri: rest + '/connect/login' });
  console.log('login url:', kc.getLoginURL());
  // the sandbox redirects to its --redirect-url (default http://127.0.0.1:5000/) like Kite: read the token off it
  const approve = await fetch(rest + '/connect/approve?api_key=sandbox', { redirect: 'manual' });
  const requestToken = new URL(approve.headers.get('location')).searchParams.get('request_token');
  const session = await kc.generateSession(requestToken, 'sandbox-secret');
  console.log('generateSession: user_id=%s user_name=%s login_time=%s access_token length=%d',
    session.user_id, session.user_name, session.login_time, session.access_token.length);

  const all = await kc.getInstruments();
  console.log('getInstruments(): %d rows; first: %j', all.length, all[0]);
  const nse = await kc.getInstruments(['NSE']);
  const rel = nse.find((r) => r.tradingsymbol === 'RELIANCE');
  console.log('getInstruments(NSE): %d rows; RELIANCE: %j', nse.length, rel);

  const q = await kc.getQuote(['NSE:INFY', 'NSE:NIFTY 50', 'NSE:NOSUCH']);
  console.log('getQuote keys: %j', Object.keys(q));
  console.log('INFY last_price=%s volume=%s timestamp=%s depth.buy[0]=%j ohlc=%j', q['NSE:INFY'].last_price,
    q['NSE:INFY'].volume, q['NSE:INFY'].timestamp, q['NSE:INFY'].depth.buy[0], q['NSE:INFY'].ohlc);
  await sleep(1100);
  console.log('getLTP: %j', await kc.getLTP(['NSE:RELIANCE', '738561']));
  await sleep(1100);
  try { await kc.getOHLC(['NSE:TCS']); await kc.getOHLC(['NSE:TCS']); } catch (e) {
    console.log('second quote call inside a second -> %s: %s', e.error_type, e.message);
  }

  const now = new Date();
  const from = new Date(now.getTime() - 3 * 86400e3);
  const candles = await kc.getHistoricalData(408065, '5minute', from, now);
  console.log('getHistoricalData(408065, 5minute, %s, %s): %d candles; first %j last %j', from.toISOString(),
    now.toISOString(), candles.length, candles[0], candles[candles.length - 1]);

  const orderId = (await kc.placeOrder('regular', { exchange: 'NSE', tradingsymbol: 'INFY', transaction_type: 'BUY',
    quantity: 1, product: 'MIS', order_type: 'MARKET', tag: 'jscheck' })).order_id;
  console.log('placeOrder -> order_id %s', orderId);
  const hist = await kc.getOrderHistory(orderId);
  console.log('getOrderHistory: %j', hist.map((h) => h.status));
  console.log('getOrders: %d order(s), last status %s, tag %s, average_price %s', (await kc.getOrders()).length,
    hist[hist.length - 1].status, hist[hist.length - 1].tag, hist[hist.length - 1].average_price);
  try {
    await kc.placeOrder('regular', { exchange: 'NSE', tradingsymbol: 'INFY', transaction_type: 'BUY', quantity: 1,
      product: 'MIS', order_type: 'LIMIT' });
  } catch (e) { console.log('LIMIT without price -> %s: %s', e.error_type, e.message); }
  const bad = new KiteConnect({ api_key: 'sandbox', root: rest });
  bad.setAccessToken('wrong');
  try { await bad.getOrders(); } catch (e) { console.log('bad token -> %s (%s): %s', e.error_type, e.status, e.message); }

  const ticker = new KiteTicker({ api_key: 'sandbox', access_token: session.access_token, root: ws + '/' });
  let ticks = 0; let frames = 0; let first = null; let index = null;
  ticker.on('connect', () => {
    console.log('ticker connected');
    ticker.subscribe([408065, 738561, 256265]);
    ticker.setMode(ticker.modeFull, [408065, 738561, 256265]);
    kc.setAccessToken(session.access_token);
    setTimeout(() => kc.placeOrder('regular', { exchange: 'NSE', tradingsymbol: 'TCS', transaction_type: 'SELL',
      quantity: 1, product: 'MIS', order_type: 'MARKET' }).catch((e) => console.log('order failed', e.message)), 1500);
  });
  ticker.on('ticks', (t) => {
    frames++; ticks += t.length;
    for (const x of t) {
      if (x.instrument_token === 408065 && x.mode === 'full' && !first) first = x;
      if (x.instrument_token === 256265 && x.mode === 'full' && !index) index = x;
    }
  });
  ticker.on('order_update', (o) => console.log('order_update: %s %s %s filled=%s', o.order_id, o.tradingsymbol, o.status, o.filled_quantity));
  ticker.on('error', (e) => console.log('ticker error', e && e.message));
  ticker.on('close', (c) => console.log('ticker closed, code %s', c && c.code));
  ticker.connect();
  await sleep(6000);
  console.log('ticks: %d in %d callbacks', ticks, frames);
  console.log('first full INFY tick: %j', first && { mode: first.mode, last_price: first.last_price,
    volume_traded: first.volume_traded, exchange_timestamp: first.exchange_timestamp, last_trade_time: first.last_trade_time,
    ohlc: first.ohlc, change: first.change, depth_buy0: first.depth.buy[0], depth_sell0: first.depth.sell[0] });
  console.log('first full NIFTY 50 tick: %j', index);
  let reconnects = 0; let connects = 0;
  ticker.on('reconnect', (n, delay) => { reconnects++; console.log('ticker reconnect #%d in %d s', n, delay); });
  ticker.on('connect', () => { connects++; });
  const drop = await fetch(rest + '/__sandbox/fault', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"kind":"drop"}' });
  console.log('fault drop -> HTTP %d', drop.status);
  await sleep(4000);
  const stall = await fetch(rest + '/__sandbox/fault', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"kind":"stall","seconds":12}' });
  console.log('fault stall 12 s -> HTTP %d', stall.status);
  await sleep(14000); // KiteTicker checks its 5 s read timeout every 5 s
  console.log('after drop and stall: %d reconnect attempt(s), %d re-connect(s), ticks so far %d', reconnects, connects, ticks);
  ticker.disconnect();

  const badTicker = new KiteTicker({ api_key: 'sandbox', access_token: 'wrong', root: ws + '/', reconnect: false });
  badTicker.autoReconnect(false);
  badTicker.on('error', (e) => console.log('bad-token ticker error: %s', e && e.message));
  badTicker.connect();
  await sleep(1000);
  process.exit(0);
}
main().catch((e) => { console.error('FAILED', e); process.exit(1); });
