package org.ts4kit.job;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** One local SparkSession for every test class in the fork (starting one costs seconds). */
final class SharedSpark {
    private static SparkSession session;

    private SharedSpark() {
    }

    static synchronized SparkSession get() {
        if (session == null) {
            SparkConf conf = new SparkConf()
                    .setMaster("local[2]")
                    .setAppName("ts4kit-tests")
                    .set("spark.ui.enabled", "false")
                    .set("spark.driver.host", "127.0.0.1")
                    .set("spark.driver.bindAddress", "127.0.0.1")
                    .set("spark.sql.shuffle.partitions", "4")
                    .set("spark.kryo.registrationRequired", "true");
            JobConf.apply(conf);
            session = SparkSession.builder().config(conf).getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }
}
