package io.niftyscanner.app;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.pattern.CompositeConverter;
import io.niftyscanner.config.Escaping;
import io.niftyscanner.config.Secrets;

/**
 * Logback's {@code %mask(...)}: everything inside (the message, the exception chain with every cause's message and
 * stack trace) goes through {@link Secrets#redact} before it reaches a log file or the terminal, and control
 * characters other than line breaks and tabs are escaped ({@link Escaping#controls}). logback.xml wraps each
 * appender's whole pattern in it, so no log line can carry a secret, whoever logs what.
 */
public final class MaskingConverter extends CompositeConverter<ILoggingEvent> {
    @Override
    protected String transform(ILoggingEvent event, String in) {
        return Escaping.controls(Secrets.redact(in));
    }
}
