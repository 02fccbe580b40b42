package org.ts4kit.job.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.catalyst.InternalRow;
import org.junit.jupiter.api.Test;
import org.ts4kit.job.HadoopFileAccess;
import org.ts4kit.job.InputFile;

/** An input found unreadable while listing becomes rows that say why, without being opened (no Spark session needed). */
class UnreadableInputRowsTest {
    @Test
    void aFolderThatCouldNotBeListedIsOneErrorRowWithItsReason() throws Exception {
        InputFile locked = InputFile.unreadable("file:/mods/Locked", "Locked", "cannot read: AccessDeniedException: /mods/Locked");
        SourceTable table = SourceTable.ERRORS;
        try (DbpfPartitionReader reader = new DbpfPartitionReader(0, new InputFile[] {locked}, table, table.schema(),
                new KeyFilter(table), new HadoopFileAccess(new Configuration()))) {
            assertTrue(reader.next());
            InternalRow row = reader.get();
            assertEquals("Locked", row.getUTF8String(table.schema().fieldIndex("path")).toString());
            assertEquals(0, row.getLong(table.schema().fieldIndex("offset")));
            assertEquals(locked.problem, row.getUTF8String(table.schema().fieldIndex("reason")).toString());
            assertFalse(reader.next());
        }
    }
}
