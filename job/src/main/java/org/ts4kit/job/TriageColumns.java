package org.ts4kit.job;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.api.java.UDF2;
import org.apache.spark.sql.api.java.UDF5;
import org.apache.spark.sql.expressions.UserDefinedFunction;
import org.apache.spark.sql.types.DataTypes;
import org.ts4kit.triage.ConflictKind;
import org.ts4kit.triage.ModNames;
import org.ts4kit.triage.PackagePair;
import org.ts4kit.triage.Severity;

/**
 * Core's triage rules as Spark columns, so the job's tables say what the CLI says: each rule is core's
 * own method called from a UDF (a resource type's severity, what names say of two packages), never a
 * copy of it in SQL that could drift.
 */
final class TriageColumns {
    /** {@link Severity#of(int, boolean)}'s label for {@code (type_id, identical)}. */
    private static final UserDefinedFunction SEVERITY = udf(
            (UDF2<Integer, Boolean, String>) (type, identical) -> Severity.of(type, identical).label(),
            DataTypes.StringType).asNonNullable();

    /** {@link PackagePair#looksLikeVersions} for {@code (a, b, shared, keys of a, keys of b)}. */
    private static final UserDefinedFunction VERSIONS = udf(
            (UDF5<String, String, Long, Long, Long, Boolean>) PackagePair::looksLikeVersions,
            DataTypes.BooleanType).asNonNullable();

    /** {@link ModNames#sameCreator} for {@code (a, b)}. */
    private static final UserDefinedFunction SAME_CREATOR = udf(
            (UDF2<String, String, Boolean>) ModNames::sameCreator, DataTypes.BooleanType).asNonNullable();

    private TriageColumns() {
    }

    static Column severity(Column typeId, Column identical) {
        return SEVERITY.apply(typeId, identical);
    }

    /** {@code identical} or {@code override}: {@link ConflictKind}'s labels. */
    static Column kind(Column identical) {
        return when(identical, lit(ConflictKind.IDENTICAL.label())).otherwise(lit(ConflictKind.OVERRIDE.label()));
    }

    static Column versionsOfOneMod(Column a, Column b, Column shared, Column keysOfA, Column keysOfB) {
        return VERSIONS.apply(a, b, shared, keysOfA, keysOfB);
    }

    static Column sameCreator(Column a, Column b) {
        return SAME_CREATOR.apply(a, b);
    }

    /** A severity label's rank, {@link Severity#ordinal()} (none 0 … high 3): what orders pairs and findings. */
    static Column rank(Column severityLabel) {
        Column rank = lit(-1);
        for (Severity s : Severity.values()) {
            rank = when(severityLabel.equalTo(s.label()), lit(s.ordinal())).otherwise(rank);
        }
        return rank;
    }
}
