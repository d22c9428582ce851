/** Order execution: executor, risk limits, the order gateway port with Kite and paper gateways. */
package io.niftyscanner.orders;
