package dev.reflekt.core.events;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * The test JVM trusting the local collector's HTTPS certificate, as an app's JVM does with
 * {@code javax.net.ssl.trustStore}: only that certificate, for SDKs that open {@code HttpsURLConnection}s (Amplitude's
 * Java SDK). {@link #close()} restores what was trusted before.
 */
public final class CollectorTrust implements AutoCloseable {

    private final SSLSocketFactory before = HttpsURLConnection.getDefaultSSLSocketFactory();

    private CollectorTrust(SSLContext context) {
        HttpsURLConnection.setDefaultSSLSocketFactory(context.getSocketFactory());
    }

    /** Trusts the certificates of {@code collector}'s trust store from now until {@link #close()}. */
    public static CollectorTrust of(LocalCollector collector) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        Path store = collector.trustStore().orElseThrow();
        try (InputStream in = Files.newInputStream(store)) {
            trust.load(in, CollectorTls.TRUST_STORE_PASSWORD.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return new CollectorTrust(context);
    }

    @Override
    public void close() {
        HttpsURLConnection.setDefaultSSLSocketFactory(before);
    }
}
