package dev.reflekt.core.events;

import dev.reflekt.core.ReflektException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The local collector's HTTPS, for SDKs that only speak HTTPS (Amplitude's Java SDK): a throwaway self-signed
 * certificate for {@code 127.0.0.1} and {@code localhost}, made by the JDK's {@code keytool} for one run of the
 * collector (the key's password random, never written), and a trust store holding only that certificate, for the
 * app's JVM ({@code javax.net.ssl.trustStore}, type PKCS12, password {@value #TRUST_STORE_PASSWORD}: it holds no
 * secret).
 */
public final class CollectorTls {

    /** The trust store's password: a certificate is public, so the password protects nothing. */
    public static final String TRUST_STORE_PASSWORD = "changeit";

    private static final String ALIAS = "reflekt-collector";

    private final SSLContext context;
    private final Path trustStore;

    private CollectorTls(SSLContext context, Path trustStore) {
        this.context = context;
        this.trustStore = trustStore;
    }

    /** The server's TLS context. */
    public SSLContext context() {
        return context;
    }

    /** The trust store holding the certificate, for clients. */
    public Path trustStore() {
        return trustStore;
    }

    /**
     * Makes a certificate valid for two days, its key in {@code folder}'s {@code .tls/} (removed again once loaded)
     * and the trust store {@code folder/collector-truststore.p12}.
     *
     * @throws ReflektException when the JDK's keytool is missing or fails
     */
    public static CollectorTls create(Path folder) throws ReflektException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", isWindows() ? "keytool.exe" : "keytool");
        if (!Files.isExecutable(keytool)) {
            throw new ReflektException("The local collector's HTTPS needs the JDK's keytool, and " + keytool
                    + " is missing; run Maven on a full JDK, or leave reflekt.collector.https off.");
        }
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        char[] password = HexFormat.of().formatHex(random).toCharArray();
        Path dir = folder.resolve(".tls");
        Path keyStore = dir.resolve("collector.p12");
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(keyStore);
            ProcessBuilder builder = new ProcessBuilder(List.of(
                            keytool.toString(),
                            "-genkeypair",
                            "-alias",
                            ALIAS,
                            "-keyalg",
                            "EC",
                            "-groupname",
                            "secp256r1",
                            "-validity",
                            "2",
                            "-dname",
                            "CN=localhost",
                            "-ext",
                            "SAN=ip:127.0.0.1,dns:localhost",
                            "-storetype",
                            "PKCS12",
                            "-keystore",
                            keyStore.toString(),
                            "-storepass:env",
                            "REFLEKT_COLLECTOR_STOREPASS"))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(nullFile()));
            // the password goes through the environment, never the command line
            builder.environment().put("REFLEKT_COLLECTOR_STOREPASS", new String(password));
            Process p = builder.start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new ReflektException("keytool could not make the local collector's certificate (exit "
                        + (p.isAlive() ? "none: timed out" : String.valueOf(p.exitValue())) + ").");
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(keyStore)) {
                keys.load(in, password);
            }
            Certificate certificate = keys.getCertificate(ALIAS);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, password);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);

            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry(ALIAS, certificate);
            Path trustStore = folder.resolve("collector-truststore.p12");
            Path temp = Files.createTempFile(folder, ".truststore", ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                trust.store(out, TRUST_STORE_PASSWORD.toCharArray());
            }
            Files.move(
                    temp,
                    trustStore,
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new CollectorTls(context, trustStore);
        } catch (IOException | GeneralSecurityException e) {
            throw new ReflektException("The local collector's HTTPS cannot start: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReflektException("Interrupted while making the local collector's certificate.");
        } finally {
            java.util.Arrays.fill(password, '\0');
            try {
                Files.deleteIfExists(keyStore);
                Files.deleteIfExists(dir);
            } catch (IOException e) {
                // the key is throwaway; a leftover file in target/ is harmless
            }
        }
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "")
                .toLowerCase(java.util.Locale.ROOT)
                .startsWith("windows");
    }

    private static java.io.File nullFile() {
        return new java.io.File(isWindows() ? "NUL" : "/dev/null");
    }
}
