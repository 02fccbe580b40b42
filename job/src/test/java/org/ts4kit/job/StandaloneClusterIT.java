package org.ts4kit.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ts4kit.testkit.corpus.CorpusGenerator;

/**
 * A real Spark standalone cluster on 127.0.0.1: a Master and two Workers as separate JVMs (classes
 * from the spark-core jar, a SPARK_HOME made of links to the Maven jars), the job submitted
 * through {@code SparkSubmit} in client mode with the shaded job jar. Its tables must equal a
 * local run's; then again while one Worker is killed mid-job.
 *
 * <p>Submitted as deploy/*.sh do: our conf/spark-defaults.conf with {@code --load-spark-defaults}
 * (the cluster's own spark-defaults.conf, in SPARK_HOME/conf here, fills in what ours does not set,
 * and ours wins where both do), and no module opens for the executors: Spark adds its own.
 */
class StandaloneClusterIT {
    @TempDir
    static Path dir;
    static Path corpus;
    static List<String> classpath;
    static Path jobJar;
    static Path sparkHome;
    static int masterPort;
    static int masterUiPort;
    static final List<Process> processes = new ArrayList<>();
    static Process master;
    static Process worker1;
    static Process worker2;
    static Map<String, List<String>> local;

    @BeforeAll
    static void startCluster() throws Exception {
        Path target = Path.of("target").toAbsolutePath();
        jobJar = target.resolve("ts4kit-job.jar");
        assertTrue(Files.exists(jobJar), "the shaded job jar is built in the package phase: " + jobJar);
        classpath = new ArrayList<>();
        for (String entry : Files.readString(target.resolve("classpath.txt")).trim().split(File.pathSeparator)) {
            if (!entry.contains("ts4kit")) { // the job's own code reaches executors only through the submitted jar
                classpath.add(entry);
            }
        }
        sparkHome = dir.resolve("spark-home");
        Files.createDirectories(sparkHome.resolve("jars"));
        for (String jar : classpath) {
            Path link = sparkHome.resolve("jars").resolve(Path.of(jar).getFileName());
            if (!Files.exists(link)) {
                Files.createSymbolicLink(link, Path.of(jar));
            }
        }
        Files.createDirectories(sparkHome.resolve("conf"));
        Files.writeString(sparkHome.resolve("conf").resolve("spark-defaults.conf"), String.join("\n",
                "# the cluster's defaults: one ours does not set (Spark 4's own codec is zstd), one ours must override",
                "spark.eventLog.compress true",
                "spark.eventLog.compression.codec lz4",
                "spark.kryo.registrator org.example.NoSuchRegistrator", ""));
        corpus = dir.resolve("corpus");
        CorpusGenerator.generate(corpus, 120, 17, 0);

        JobOptions o = new JobOptions();
        o.out = dir.resolve("local-out").toString();
        o.inputs = List.of(corpus.toString());
        o.partitionBytes = 1 << 20;
        Ts4kitJob.run(SharedSpark.get(), o);
        local = TableSnapshot.of(SharedSpark.get(), o);

        masterPort = freePort();
        masterUiPort = freePort();
        master = start("master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                String.valueOf(masterPort), "--webui-port", String.valueOf(masterUiPort));
        waitFor(() -> http("/json/").contains("\"status\" : \"ALIVE\""), 60, "the master to come up");
        worker1 = startWorker("worker1");
        worker2 = startWorker("worker2");
        waitFor(() -> aliveWorkers() == 2, 60, "two workers to register");
    }

    @AfterAll
    static void stopCluster() throws IOException {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        // the links point into the Maven repository: remove them ourselves, quietly
        try (var links = Files.list(sparkHome.resolve("jars"))) {
            for (Path link : (Iterable<Path>) links::iterator) {
                Files.deleteIfExists(link);
            }
        }
    }

    @Test
    void clusterTablesEqualTheLocalRun() throws Exception {
        Path out = dir.resolve("cluster-out");
        Path events = dir.resolve("events");
        Process submit = submit(out, List.of("--conf", "spark.ui.enabled=true"), "--event-log", events.toString());
        Path log = dir.resolve("submit-" + out.getFileName() + ".log");
        assertEquals(0, waitExit(submit, 600), "spark-submit exit code; log in " + log);
        assertEquals(local, snapshot(out));
        assertTrue(Files.readString(log).contains("INFO  JobMain: Spark UI: http://"), "the driver logs the UI's address: " + log);
        // one event log (a folder: Spark 4 rolls event logs by default), compressed as the cluster's spark-defaults.conf says
        List<String> logs = names(events);
        assertTrue(logs.size() == 1 && logs.get(0).startsWith("eventlog_v2_app-"), logs.toString());
        List<String> parts = names(events.resolve(logs.get(0)));
        assertTrue(parts.stream().anyMatch(n -> n.startsWith("events_") && n.endsWith(".lz4")), parts.toString());
        assertTrue(executorCommands().stream().allMatch(c -> c.contains("--add-opens=java.base/sun.nio.ch=ALL-UNNAMED")),
                "Spark gave every executor its module opens: " + executorCommands());
    }

    private static List<String> names(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** The command lines the Workers started executors with (the first line of each executor's stderr). */
    private static List<String> executorCommands() throws IOException {
        List<String> commands = new ArrayList<>();
        try (var files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.getFileName().toString().equals("stderr"))::iterator) {
                commands.add(Files.readAllLines(f).get(0));
            }
        }
        assertTrue(!commands.isEmpty(), "executors ran");
        return commands;
    }

    @Test
    void killingAWorkerMidJobStillGivesTheSameTables() throws Exception {
        Path out = dir.resolve("cluster-kill-out");
        Process submit = submit(out, List.of());
        // mid-job: the per-file tables are being written (tasks ran, their cached results live on the executors)
        waitFor(() -> Files.exists(out.resolve("packages")) || !submit.isAlive(), 600, "the job to start writing");
        assertTrue(submit.isAlive(), "the job finished before a worker could be killed");
        worker1.descendants().forEach(ProcessHandle::destroyForcibly);
        worker1.destroyForcibly();
        assertEquals(0, waitExit(submit, 600), "spark-submit exit code after losing a worker");
        String log = Files.readString(dir.resolve("submit-" + out.getFileName() + ".log"));
        assertTrue(log.contains("Lost executor"), "the driver saw the executor go: " + dir);
        assertEquals(local, snapshot(out));
        waitFor(() -> aliveWorkers() == 1, 120, "the master to notice the lost worker");
        worker1 = startWorker("worker1b");
    }

    private static Map<String, List<String>> snapshot(Path out) {
        JobOptions o = new JobOptions();
        o.out = out.toString();
        return TableSnapshot.of(SharedSpark.get(), o);
    }

    private static Process submit(Path out, List<String> conf, String... jobArgs) throws IOException {
        Path defaults = Path.of("..", "conf", "spark-defaults.conf").toAbsolutePath().normalize();
        List<String> args = new ArrayList<>(List.of("--master", "spark://127.0.0.1:" + masterPort, "--deploy-mode", "client",
                "--class", "org.ts4kit.job.JobMain", "--properties-file", defaults.toString(), "--load-spark-defaults",
                "--conf", "spark.executor.memory=768m", "--conf", "spark.executor.cores=1",
                "--conf", "spark.kryo.registrationRequired=true", "--conf", "spark.driver.host=127.0.0.1",
                "--conf", "spark.ui.enabled=false"));
        args.addAll(conf);
        args.addAll(List.of(jobJar.toString(), "--out", out.toString(), "--partition-mb", "1"));
        args.addAll(List.of(jobArgs));
        args.add(corpus.toString());
        return start("submit-" + out.getFileName(), "org.apache.spark.deploy.SparkSubmit", args.toArray(String[]::new));
    }

    /** conf/java-options: Spark's own Java 17+ flags, for the JVMs started here without Spark's launcher. */
    private static List<String> javaOptions() throws IOException {
        return List.of(Files.readString(Path.of("..", "conf", "java-options")).trim().split("\\s+"));
    }

    private static Process startWorker(String name) throws IOException {
        Path work = dir.resolve(name + "-work");
        Files.createDirectories(work);
        return start(name, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1", "--memory", "1g",
                "--webui-port", String.valueOf(freePort()), "--work-dir", work.toString(), "spark://127.0.0.1:" + masterPort);
    }

    private static Process start(String name, String mainClass, String... args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(javaOptions());
        cmd.add("-Xmx768m");
        cmd.add("-Dlog4j2.configurationFile=" + Path.of("..", "conf", "log4j2.properties").toAbsolutePath().normalize());
        cmd.add("-cp");
        cmd.add(String.join(File.pathSeparator, classpath));
        cmd.add(mainClass);
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        Process p = pb.start();
        processes.add(p);
        return p;
    }

    private static int waitExit(Process p, int seconds) throws InterruptedException {
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }

    private static int aliveWorkers() {
        String json = http("/json/");
        int alive = 0;
        for (int i = json.indexOf("\"state\" : \"ALIVE\""); i >= 0; i = json.indexOf("\"state\" : \"ALIVE\"", i + 1)) {
            alive++;
        }
        return alive;
    }

    private static String http(String path) {
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + masterUiPort + path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.body();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls a condition every 200 ms until it holds or the deadline passes. */
    private static void waitFor(Condition c, int seconds, String what) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!c.holds()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what + "; logs in " + dir);
            }
            TimeUnit.MILLISECONDS.sleep(200);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
