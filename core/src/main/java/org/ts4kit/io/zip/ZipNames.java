package org.ts4kit.io.zip;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Entry names: decoding, printing in error messages, and the safety check for extractors.
 *
 * <p>Decoding: flag bit 11 says UTF-8. Without it the zip specification says CP437, but most
 * tools that mods are packed with (7-Zip, macOS, Python, Java) write UTF-8 anyway, and CP437
 * names outside ASCII are rare in mods. So every name is decoded as strict UTF-8, and a name
 * that is not valid UTF-8 (flagged or not) is decoded as ISO-8859-1, which maps each byte to one
 * character and never fails. A true CP437 name with bytes over 0x7F therefore reads as Latin-1
 * look-alikes (0x81 "ü" in CP437 becomes U+0081), stable but not what the packer saw. The
 * Info-ZIP Unicode Path extra field (0x7075) is not read.
 */
final class ZipNames {
    /** Windows device names: a file called {@code CON} or {@code aux.txt} opens the device. */
    private static final Set<String> DEVICES = Set.of("CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");

    private ZipNames() {
    }

    /** Decodes name (or comment) bytes: UTF-8 when valid, ISO-8859-1 otherwise. ASCII takes a fast path. */
    static String decode(byte[] bytes) {
        boolean ascii = true;
        for (byte b : bytes) {
            if (b < 0) {
                ascii = false;
                break;
            }
        }
        if (ascii) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
    }

    /** The name for an error message: control characters escaped as {@code \\uXXXX}, so a hostile name cannot forge lines. */
    static String printable(String name) {
        StringBuilder sb = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isISOControl(c)) {
                if (sb == null) {
                    sb = new StringBuilder(name.length() + 8).append(name, 0, i);
                }
                sb.append(String.format("\\u%04X", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? name : sb.toString();
    }

    /** See {@link ZipArchive#isSafeName}. */
    static boolean isSafe(String name) {
        if (name == null || name.isEmpty() || name.charAt(0) == '/') {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '\\' || c == ':' || Character.isISOControl(c)) {
                return false;
            }
        }
        String[] segments = name.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            boolean last = i == segments.length - 1;
            // only a directory's trailing slash may leave an empty segment
            if (segments[i].isEmpty() ? !(last && i > 0) : !isSafeSegment(segments[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSafeSegment(String s) {
        char end = s.charAt(s.length() - 1);
        // Windows drops trailing dots and spaces: "..", "...", ". ." and "a." all change meaning
        if (end == '.' || end == ' ') {
            return false;
        }
        int dot = s.indexOf('.');
        String stem = (dot < 0 ? s : s.substring(0, dot)).trim().toUpperCase(Locale.ROOT);
        return !DEVICES.contains(stem);
    }
}
