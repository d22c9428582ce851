package io.niftyscanner.app;

import io.niftyscanner.config.ScannerConfig;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says the configuration's warnings (a .env others can read, clear-text transport allowed) once per process, at
 * WARN: on the terminal and in logs/scanner.log. Every command and the window call it when they start; a warning
 * already said in this process is not repeated.
 */
public final class ConfigWarnings {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigWarnings.class);
    private static final Set<String> SAID = ConcurrentHashMap.newKeySet();

    private ConfigWarnings() {}

    public static void sayOnce(ScannerConfig config) {
        for (String w : config.warnings()) {
            if (SAID.add(w)) {
                LOG.warn("{}", w);
            }
        }
    }
}
