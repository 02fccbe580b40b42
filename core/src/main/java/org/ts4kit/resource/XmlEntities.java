package org.ts4kit.resource;

/** XML's five predefined entities and numeric character references, as tuning attribute values use them. */
final class XmlEntities {
    private XmlEntities() {
    }

    /** Replaces the five predefined entities and numeric references; leaves anything else as written. */
    static String decode(String raw) {
        int amp = raw.indexOf('&');
        if (amp < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        int p = 0;
        while (amp >= 0) {
            out.append(raw, p, amp);
            int semi = raw.indexOf(';', amp + 1);
            String replacement = semi < 0 ? null : entity(raw.substring(amp + 1, semi));
            if (replacement == null) {
                out.append('&');
                p = amp + 1;
            } else {
                out.append(replacement);
                p = semi + 1;
            }
            amp = raw.indexOf('&', p);
        }
        out.append(raw, p, raw.length());
        return out.toString();
    }

    private static String entity(String name) {
        switch (name) {
            case "amp": return "&";
            case "lt": return "<";
            case "gt": return ">";
            case "quot": return "\"";
            case "apos": return "'";
            default: break;
        }
        // &#NNN; or &#xHHH;, short enough that parseInt cannot overflow (U+10FFFF is 7 and 6 digits)
        if (name.length() < 2 || name.charAt(0) != '#') {
            return null;
        }
        boolean hex = name.charAt(1) == 'x';
        String digits = name.substring(hex ? 2 : 1);
        if (digits.isEmpty() || digits.length() > (hex ? 6 : 7)) {
            return null;
        }
        for (int k = 0; k < digits.length(); k++) {
            if (Character.digit(digits.charAt(k), hex ? 16 : 10) < 0 || digits.charAt(k) > 'f') {
                return null;
            }
        }
        int cp = Integer.parseInt(digits, hex ? 16 : 10);
        if (cp <= 0 || cp > Character.MAX_CODE_POINT || (cp >= 0xD800 && cp <= 0xDFFF)) {
            return null;
        }
        return new String(Character.toChars(cp));
    }
}
