package io.niftyscanner.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {
    @Test
    void redactsQueryParametersHeadersAndJson() {
        assertThat(Secrets.redact("ws://h/?api_key=k&access_token=abcdef123")).isEqualTo("ws://h/?api_key=k&access_token=****");
        assertThat(Secrets.redact("Authorization: token mykey:tok123")).isEqualTo("Authorization: token mykey:****");
        assertThat(Secrets.redact("{\"access_token\":\"xyz\",\"user\":\"u\"}")).isEqualTo("{\"access_token\":\"****\",\"user\":\"u\"}");
    }

    @Test
    void maskShowsAtMostTheLastFourCharacters() {
        assertThat(Secrets.mask("abcdefghijkl")).isEqualTo("****ijkl");
        assertThat(Secrets.mask("short")).isEqualTo("****");
        assertThat(Secrets.mask("")).isEqualTo("(not set)");
    }
}
