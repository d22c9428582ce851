/** The SQLite journal: signals with provenance, orders, gaps and repairs, the candle cache. */
package io.niftyscanner.journal;
