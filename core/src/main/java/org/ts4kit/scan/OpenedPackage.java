package org.ts4kit.scan;

import org.ts4kit.dbpf.DbpfPackage;

/** A package opened (header and index parsed) but not yet walked, or why it did not open: a pipeline's first stage. */
final class OpenedPackage {
    final int position;
    final PackageInput input;
    final DbpfPackage pkg;
    final Exception failure;

    OpenedPackage(int position, PackageInput input, DbpfPackage pkg, Exception failure) {
        this.position = position;
        this.input = input;
        this.pkg = pkg;
        this.failure = failure;
    }
}
