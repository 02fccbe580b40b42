package org.ts4kit.testkit.corpus;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Writes tuning XML that looks like the game's: an {@code <I c=… i=… m=… n=… s=…>} root, nested
 * {@code T}/{@code L}/{@code U}/{@code V}/{@code E} elements with snake_case names, tuning ids,
 * enum values, comments and CRLF line ends. Deterministic for a given random state.
 */
public final class TuningXml {
    private static final String[][] CLASSES = {
        {"Buff", "buff", "buffs.buff"}, {"Trait", "trait", "traits.traits"},
        {"SuperInteraction", "interaction", "interactions.base.super_interaction"},
        {"LootActions", "action", "interactions.utils.loot"}, {"Broadcaster", "broadcaster", "broadcasters.broadcaster"},
        {"Situation", "situation", "situations.situation"}, {"Statistic", "statistic", "statistics.statistic"},
        {"Aspiration", "aspiration", "aspirations.aspiration_tuning"}, {"Recipe", "recipe", "crafting.recipe"},
        {"ObjectState", "object_state", "objects.components.state"}, {"Snippet", "snippet", "snippets"},
    };
    private static final String[] WORDS = {
        "loot", "buff", "test", "tests", "participant", "actor", "target", "stat", "value", "amount", "duration",
        "mood", "weight", "chance", "icon", "display_name", "description", "tooltip", "category", "tags", "skill",
        "threshold", "operations", "success", "failure", "outcome", "basic_extras", "autonomy", "commodity",
        "affordance", "allow_autonomous", "visible", "cooldown", "audio_sting", "animation", "posture", "tuning",
        "modifiers", "multiplier", "decay_rate", "initial_value", "min_value", "max_value", "subject", "objects",
    };
    private static final String[] ENUMS = {
        "Actor", "TargetSim", "Object", "PickedSim", "ENABLED", "DISABLED", "LESS_OR_EQUAL", "GREATER", "Happy",
        "Sad", "Angry", "Focused", "Inspired", "Playful", "Confident", "HIGH", "LOW", "NORMAL", "TRUE", "FALSE",
    };

    private TuningXml() {
    }

    /** A tuning file named {@code name} for instance {@code instance}, about {@code targetBytes} long. */
    public static byte[] generate(SplittableRandom rnd, String name, long instance, int targetBytes) {
        String[] cls = CLASSES[rnd.nextInt(CLASSES.length)];
        StringBuilder sb = new StringBuilder(targetBytes + 256);
        sb.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\r\n");
        sb.append("<I c=\"").append(cls[0]).append("\" i=\"").append(cls[1]).append("\" m=\"").append(cls[2])
                .append("\" n=\"").append(name).append("\" s=\"").append(Long.toUnsignedString(instance)).append("\">\r\n");
        while (sb.length() < targetBytes) {
            element(rnd, sb, 1, 3);
        }
        sb.append("</I>");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void element(SplittableRandom rnd, StringBuilder sb, int depth, int maxDepth) {
        indent(sb, depth);
        int kind = rnd.nextInt(10);
        if (depth >= maxDepth || kind < 5) {
            leaf(rnd, sb);
        } else if (kind < 8) {
            sb.append("<L n=\"").append(word(rnd)).append("\">\r\n");
            int n = 1 + rnd.nextInt(4);
            for (int i = 0; i < n; i++) {
                indent(sb, depth + 1);
                sb.append("<U>\r\n");
                int m = 1 + rnd.nextInt(3);
                for (int j = 0; j < m; j++) {
                    element(rnd, sb, depth + 2, maxDepth + 1);
                }
                indent(sb, depth + 1);
                sb.append("</U>\r\n");
            }
            indent(sb, depth);
            sb.append("</L>");
        } else {
            String n = word(rnd);
            sb.append("<V n=\"").append(n).append("\" t=\"").append(word(rnd)).append("\">\r\n");
            element(rnd, sb, depth + 1, maxDepth);
            indent(sb, depth);
            sb.append("</V>");
        }
        sb.append("\r\n");
    }

    private static void leaf(SplittableRandom rnd, StringBuilder sb) {
        int kind = rnd.nextInt(6);
        String n = word(rnd);
        if (kind == 0) {
            long id = 10000 + rnd.nextLong(18_000_000_000L);
            sb.append("<T n=\"").append(n).append("\">").append(id).append("<!--").append(ENUMS[rnd.nextInt(ENUMS.length)])
                    .append('_').append(word(rnd)).append("--></T>");
        } else if (kind == 1) {
            sb.append("<E n=\"").append(n).append("\">").append(ENUMS[rnd.nextInt(ENUMS.length)]).append("</E>");
        } else if (kind == 2) {
            sb.append("<T n=\"").append(n).append("\">").append(rnd.nextInt(200) - 50).append("</T>");
        } else if (kind == 3) {
            sb.append("<T n=\"").append(n).append("\">0x").append(Long.toHexString(rnd.nextLong()).toUpperCase()).append("</T>");
        } else if (kind == 4) {
            sb.append("<T n=\"").append(n).append("\">").append(rnd.nextBoolean() ? "True" : "False").append("</T>");
        } else {
            sb.append("<T n=\"").append(n).append("\">").append(String.format(java.util.Locale.ROOT, "%.2f", rnd.nextDouble() * 10)).append("</T>");
        }
    }

    private static String word(SplittableRandom rnd) {
        return WORDS[rnd.nextInt(WORDS.length)];
    }

    private static void indent(StringBuilder sb, int depth) {
        for (int i = 0; i < depth; i++) {
            sb.append("  ");
        }
    }
}
