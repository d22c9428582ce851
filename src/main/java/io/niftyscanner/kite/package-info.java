/** The Kite Connect adapter: REST client, KiteTicker-compatible WebSocket client, binary tick decoder, error mapping, login, instruments. */
package io.niftyscanner.kite;
