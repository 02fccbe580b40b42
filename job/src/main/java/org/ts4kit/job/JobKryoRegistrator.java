package org.ts4kit.job;

import com.esotericsoftware.kryo.Kryo;
import org.apache.spark.serializer.KryoRegistrator;

/** Registers the classes the job ships between JVMs, so Kryo can run with registrationRequired. */
public final class JobKryoRegistrator implements KryoRegistrator {
    @Override
    public void registerClasses(Kryo kryo) {
        kryo.register(InputFile.class);
        kryo.register(FileResult.class);
        kryo.register(Accounting.Entry.class);
        kryo.register(java.util.ArrayList.class);
        kryo.register(Object[].class);
        kryo.register(java.sql.Timestamp.class);
    }
}
