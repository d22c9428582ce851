package io.niftyscanner.sandbox;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** A taken port is reported with what to do about it. */
class BusyPortTest {

    @Test
    void busyRestPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> SandboxExchange.start(SandboxOptions.defaults().withPorts(taken.getLocalPort(), 0)
                    .withAutoPump(false))).isInstanceOf(IOException.class).hasMessageContaining("--rest-port");
        }
    }

    @Test
    void busyWebSocketPort() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> SandboxExchange.start(SandboxOptions.defaults().withPorts(0, taken.getLocalPort())
                    .withAutoPump(false))).isInstanceOf(IOException.class).hasMessageContaining("--ws-port");
        }
    }
}
