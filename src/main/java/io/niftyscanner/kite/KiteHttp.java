package io.niftyscanner.kite;

import java.time.Duration;
import okhttp3.OkHttpClient;

/** The one OkHttpClient of the app (OkHttp: "OkHttpClients should be shared"), with Kite's client timeouts. */
public final class KiteHttp {
    private KiteHttp() {}

    private static final class Holder {
        static final OkHttpClient CLIENT = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(Duration.ofSeconds(7))
                .writeTimeout(Duration.ofSeconds(7))
                .build();
    }

    public static OkHttpClient shared() {
        return Holder.CLIENT;
    }
}
