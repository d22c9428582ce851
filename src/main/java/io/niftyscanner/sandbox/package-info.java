/** The embedded Kite-compatible exchange: REST and WebSocket servers on 127.0.0.1, market simulator, fault injection. Its wire code is its own. */
package io.niftyscanner.sandbox;
