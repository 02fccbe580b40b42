package org.ts4kit.hash;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of resource bytes, with one reusable digest per thread (the JDK's intrinsic does the work). */
public final class Sha256 {
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });

    private Sha256() {
    }

    public static byte[] digest(ByteBuffer data) {
        MessageDigest md = DIGEST.get();
        md.update(data.duplicate());
        return md.digest();
    }

    public static byte[] digest(byte[] data, int off, int len) {
        MessageDigest md = DIGEST.get();
        md.update(data, off, len);
        return md.digest();
    }

    /** Lower-case hex, as {@code sha256sum} prints it. */
    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
