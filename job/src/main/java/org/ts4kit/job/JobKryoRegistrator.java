package org.ts4kit.job;

import com.esotericsoftware.kryo.Kryo;
import org.apache.spark.serializer.KryoRegistrator;

/**
 * Registers the classes the job ships between JVMs, so Kryo can run with
 * {@code spark.kryo.registrationRequired=true} (the tests do): ts4kit's own, and the Spark SQL
 * classes that travel in tasks and results but Spark leaves unregistered.
 */
public final class JobKryoRegistrator implements KryoRegistrator {
    /** Spark classes found missing under registrationRequired; names, since some are Scala objects. */
    private static final String[] SPARK_CLASSES = {
        "org.apache.spark.sql.types.BooleanType$",
        "org.apache.spark.sql.types.TimestampType$",
        "org.apache.spark.sql.types.LongType$",
        "org.apache.spark.sql.types.IntegerType$",
        "org.apache.spark.sql.types.StringType",
        "org.apache.spark.sql.types.StringType$",
        "org.apache.spark.sql.types.ArrayType",
        "org.apache.spark.sql.types.StructType",
        "org.apache.spark.sql.types.StructField",
        "org.apache.spark.sql.types.StructField[]",
        "org.apache.spark.sql.types.Metadata",
        "org.apache.spark.sql.types.NullType$",
    };

    @Override
    public void registerClasses(Kryo kryo) {
        kryo.register(InputFile.class);
        kryo.register(InputFile[].class);
        kryo.register(java.util.ArrayList.class);
        kryo.register(Object[].class);
        kryo.register(java.sql.Timestamp.class);
        for (String name : SPARK_CLASSES) {
            try {
                boolean array = name.endsWith("[]");
                Class<?> c = Class.forName(array ? name.substring(0, name.length() - 2) : name, false,
                        JobKryoRegistrator.class.getClassLoader());
                kryo.register(array ? java.lang.reflect.Array.newInstance(c, 0).getClass() : c);
            } catch (ClassNotFoundException e) {
                // another Spark version without this class: nothing to register
            }
        }
    }
}
