/** Market data feeds (polling, streaming) and the supervisor that owns the mode, the hybrid schedule, reconnects, the watchdog and gap repair. */
package io.niftyscanner.feed;
