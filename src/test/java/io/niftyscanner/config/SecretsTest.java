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
    void redactsEveryShapeASecretTravelsIn() {
        assertThat(Secrets.redact("api_secret=abc&x=1")).isEqualTo("api_secret=****&x=1");
        assertThat(Secrets.redact("ZERODHA_API_SECRET=abc")).isEqualTo("ZERODHA_API_SECRET=****");
        assertThat(Secrets.redact("export ZERODHA_ACCESS_TOKEN = tok")).isEqualTo("export ZERODHA_ACCESS_TOKEN = ****");
        assertThat(Secrets.redact("redirect?x=access_token%3Dtok42")).isEqualTo("redirect?x=access_token%3D****");
        assertThat(Secrets.redact("form api_key=k&request_token=rq&checksum=ab12")).isEqualTo("form api_key=k&request_token=****&checksum=****");
        assertThat(Secrets.redact("header was 'token k:tok', refused")).isEqualTo("header was 'token k:****', refused");
        assertThat(Secrets.redact("{\"api_secret\" : \"s\"}")).isEqualTo("{\"api_secret\" : \"****\"}");
        String once = Secrets.redact("access_token=abc token k:def");
        assertThat(Secrets.redact(once)).isEqualTo(once).isEqualTo("access_token=**** token k:****");
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String text = "Kite's session answer has no access_token; nothing was saved. Instrument token 738561: skipped.";
        assertThat(Secrets.redact(text)).isEqualTo(text);
        assertThat(Secrets.redact(null)).isNull();
    }

    @Test
    void aRememberedSecretIsMaskedWhereverItAppears() {
        String secret = "Rmbr" + System.nanoTime() + "xQ";
        assertThat(Secrets.redact("pasted " + secret + " here")).contains(secret);
        Secrets.remember(secret);
        assertThat(Secrets.redact("pasted " + secret + " here, and " + secret + "!")).isEqualTo("pasted **** here, and ****!");
        assertThat(Secrets.redact("wss://h/" + secret + "/x")).isEqualTo("wss://h/****/x");
    }

    @Test
    void theConfiguredSecretsAreRememberedAsSoonAsTheyAreLoaded() {
        String apiSecret = "ApiSec" + System.nanoTime();
        String token = "AccTok" + System.nanoTime();
        new Credentials("key", apiSecret, token);
        assertThat(Secrets.redact("secret " + apiSecret + " token " + token)).isEqualTo("secret **** token ****");
    }

    @Test
    void shortValuesAreNotRememberedSoOrdinaryWordsSurvive() {
        Secrets.remember("sandbox");
        Secrets.remember("   ");
        Secrets.remember(null);
        assertThat(Secrets.redact("sandbox exchange")).isEqualTo("sandbox exchange");
    }

    @Test
    void messageNeverSaysNull() {
        assertThat(Secrets.message(new IllegalStateException())).isEqualTo("IllegalStateException");
        assertThat(Secrets.message(new IllegalStateException("bad access_token=zzz"))).isEqualTo("bad access_token=****");
    }

    @Test
    void maskShowsAtMostTheLastFourCharacters() {
        assertThat(Secrets.mask("abcdefghijkl")).isEqualTo("****ijkl");
        assertThat(Secrets.mask("short")).isEqualTo("****");
        assertThat(Secrets.mask("")).isEqualTo("(not set)");
    }
}
