package org.ts4kit.job;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

/**
 * conf/java-options is Spark's own list of Java 17+ flags ({@link JavaModuleOptions}), in Spark's
 * order ({@code -XX:+IgnoreUnrecognizedVMOptions} first, so Java 17 skips the flags only 24+ knows).
 * Spark adds it to every JVM it starts; the file is for the JVMs we start ourselves (bin/ts4kit-job,
 * the SparkSubmit fallback in deploy/common.sh, a standalone cluster-mode driver, these tests), so
 * it must follow Spark when Spark's version changes.
 */
class JavaOptionsTest {
    @Test
    void confJavaOptionsIsSparksOwnList() throws Exception {
        List<String> ours = Files.readAllLines(Path.of("..", "conf", "java-options")).stream()
                .map(String::strip).filter(l -> !l.isEmpty()).toList();
        assertEquals(List.of(JavaModuleOptions.defaultModuleOptionArray()), ours);
    }
}
