package dev.wsinspector.core.profile;

import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a profile file looked like when it was loaded or saved. The content hash decides whether another
 * program changed it since (a modification time alone misses edits within its resolution, and a mere touch
 * is no conflict).
 */
public record FileStamp(long size, FileTime modified, String sha256) {

    public static FileStamp of(byte[] content, FileTime modified) {
        return new FileStamp(content.length, modified, sha256(content));
    }

    /** True when {@code content} is what this stamp was taken of. */
    public boolean matches(byte[] content) {
        return content.length == size && sha256(content).equals(sha256);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every JDK has SHA-256", e);
        }
    }
}
