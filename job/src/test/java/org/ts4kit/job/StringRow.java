package org.ts4kit.job;

import java.io.Serializable;

/** A row of the {@code strings} table: one string of one string table. */
public final class StringRow implements Serializable {
    private static final long serialVersionUID = 1L;
    public final String path;
    public final String stblInstance;
    public final String keyHash;
    public final String text;

    StringRow(String path, String stblInstance, String keyHash, String text) {
        this.path = path;
        this.stblInstance = stblInstance;
        this.keyHash = keyHash;
        this.text = text;
    }

    Object[] values() {
        return new Object[] {path, stblInstance, keyHash, text};
    }
}
