package org.ts4kit.codec;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Builds Sims 4 tuning XML that looks like the real thing, the same bytes for the same seed.
 *
 * <p>A file is one {@code <I c= i= m= n= s=>} instance holding nested tunables: {@code <T>} values
 * (small numbers, decimals, booleans, 64-bit tuning ids with a {@code <!--name-->} comment, string
 * hashes, resource keys with a {@code p=} path), {@code <E>} enum values, {@code <V t=>} variants,
 * {@code <L>} lists and {@code <U>} tuples. As in real files, a few referenced ids recur within a
 * file, list items share a shape, and most of the bytes are markup and indentation.
 *
 * <p>Compared with tuning from public mods: about 20% whitespace in both, 10% digits here against
 * 6%. zlib level 6 shrinks generated files of 4–16 KiB 3–4 times, real ones 3.5–8 times, so these
 * are if anything harder for an LZ77 coder. RefPack/zlib ratios land in the same range for both
 * (1.18–1.24 generated, 1.16–1.29 real, at 2–16 KiB).
 */
final class TuningXmlGenerator {
    private static final String[][] CLASSES = {
        {"Buff", "buff", "buffs.buff"},
        {"Trait", "trait", "traits.traits"},
        {"SuperInteraction", "interaction", "interactions.base.super_interaction"},
        {"SocialSuperInteraction", "interaction", "interactions.social.social_super_interaction"},
        {"ImmediateSuperInteraction", "interaction", "interactions.base.immediate_interaction"},
        {"LootActions", "action", "interactions.utils.loot"},
        {"TunableTestSetInstance", "snippet", "event_testing.tests"},
        {"Commodity", "statistic", "statistics.commodity"},
        {"PieMenuCategory", "pie_menu_category", "interactions.pie_menu_category"},
        {"Broadcaster", "broadcaster", "broadcasters.broadcaster"},
        {"ObjectStateValue", "object_state", "objects.components.state"},
        {"SituationComplexCommon", "situation", "situations.situation_complex"},
        {"Aspiration", "aspiration", "aspirations.aspiration_tuning"},
        {"Recipe", "recipe", "crafting.recipe"},
    };
    private static final String[] CREATORS = {
        "frankk_LB", "o19", "S4CL", "kuttoe", "littlemssam", "TURBODRIVER", "zerbu", "Buff", "MoodBuff", "lumpinou",
    };
    private static final String[] WORDS = {
        "Happy", "Sad", "Angry", "Flirty", "Focused", "Tense", "Playful", "Energized", "Inspired", "Confident",
        "Social", "Friendly", "Mean", "Romance", "Mischief", "Skill", "Cooking", "Fitness", "Logic", "Painting",
        "Book", "Read", "Active", "Hidden", "Cooldown", "Sim", "Pet", "Object", "Toddler", "Child", "Teen",
        "Adult", "Elder", "Career", "Club", "Party", "Dance", "Chat", "Hug", "Kiss", "Joke", "Gossip", "Language",
    };
    private static final String[] ATTRIBUTES = {
        "audio_sting_on_add", "audio_sting_on_remove", "buff_description", "buff_name", "icon", "loot_on_addition",
        "loot_on_removal", "mood_type", "mood_weight", "temporary_commodity_info", "max_duration", "visible",
        "display_name", "display_name_gender_neutral", "category", "progress_bar_enabled", "target_type",
        "content_score", "cheat", "debug", "pie_menu_priority", "pie_menu_category", "_saveable", "ages",
        "species", "conflicting_traits", "trait_type", "tests", "test", "subject", "participant", "target",
        "tooltip", "weight", "chance", "amount", "stat", "skill", "buff", "buff_type", "buff_reason", "loot_list",
        "basic_extras", "outcome", "actions", "test_set_reference", "factory", "allow_autonomous", "allow_user_directed",
        "interaction_category_tags", "_icon", "_display_name", "_display_priority", "_parent", "_collapsible",
        "commodity", "initial_value", "decay_rate", "min_value_tuning", "max_value_tuning", "state_value",
        "balloon_category", "balloon_target", "time_until_next_run", "duration", "radius", "key", "value",
        "x", "y", "threshold", "comparison", "tags", "relationship_track", "statistic", "success_chance",
    };
    private static final String[] ENUMS = {
        "Actor", "TargetSim", "Object", "PickedSim", "ActiveHousehold", "AllSims", "GREATER_OR_EQUAL",
        "LESS_OR_EQUAL", "EQUAL", "HUMAN", "DOG", "CAT", "YOUNGADULT", "ADULT", "ELDER", "CHILD", "TEEN",
        "PERSONALITY", "HIDDEN", "GAMEPLAY", "INTERACTION", "Interaction_Social", "Interaction_Chat",
        "Interaction_Mischief", "Func_Bed", "Func_Bookshelf", "MALE", "FEMALE", "SIM", "TRAIT", "SKILL",
    };
    private static final String[] FLOATS = {"0.5", "0.25", "1.5", "2", "0.75", "0.1", "10", "-5", "-0.5", "100"};

    private final Random random;
    private final StringBuilder xml = new StringBuilder();
    private final List<String> references = new ArrayList<>();
    private final String indentUnit;

    private TuningXmlGenerator(long seed) {
        random = new Random(seed);
        indentUnit = random.nextInt(8) == 0 ? "\t" : "  ";
        int refs = 4 + random.nextInt(24);
        for (int i = 0; i < refs; i++) {
            references.add(reference());
        }
    }

    /** One tuning file of about {@code targetBytes} bytes (it stops at the first tunable past the target). */
    static byte[] generate(long seed, int targetBytes) {
        TuningXmlGenerator g = new TuningXmlGenerator(seed);
        return g.file(targetBytes).getBytes(StandardCharsets.UTF_8);
    }

    private String file(int targetBytes) {
        String[] cls = pick(CLASSES);
        xml.append("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
        xml.append("<I c=\"").append(cls[0]).append("\" i=\"").append(cls[1]).append("\" m=\"").append(cls[2])
                .append("\" n=\"").append(name()).append("\" s=\"").append(tuningId()).append("\">\n");
        while (xml.length() < targetBytes - 6) {
            tunable(1, pick(ATTRIBUTES), random.nextInt(4));
        }
        xml.append("</I>");
        return xml.toString();
    }

    /** One named or unnamed ({@code name == null}) tunable at {@code depth}, nesting up to {@code budget} more levels. */
    private void tunable(int depth, String name, int budget) {
        int kind = budget <= 0 ? random.nextInt(4) : random.nextInt(10);
        if (kind < 3) {
            value(depth, name);
        } else if (kind == 3) {
            open(depth, "E", name, null).append(pick(ENUMS)).append("</E>\n");
        } else if (kind == 4) {
            comment(depth);
            tunable(depth, name, budget);
        } else if (kind <= 6) {
            variant(depth, name, budget);
        } else if (kind <= 8) {
            list(depth, name, budget);
        } else {
            tuple(depth, name, budget);
        }
    }

    private void value(int depth, String name) {
        int kind = random.nextInt(10);
        if (kind == 0) {
            String path = "InGame\\UI\\Icons\\" + pick(WORDS) + "\\" + name().replace(':', '_').toLowerCase(Locale.ROOT) + ".png";
            open(depth, "T", name, path).append(String.format(Locale.ROOT, "2f7d0004:00000000:%016x", random.nextLong())).append("</T>\n");
            return;
        }
        StringBuilder b = open(depth, "T", name, null);
        if (kind <= 3) {
            b.append(references.get(random.nextInt(references.size())));
        } else if (kind == 4) {
            b.append(String.format(Locale.ROOT, "0x%08X", random.nextInt()));
            if (random.nextBoolean()) {
                b.append("<!--String: \"").append(pick(WORDS)).append(' ').append(pick(WORDS)).append("\"-->");
            }
        } else if (kind <= 6) {
            b.append(random.nextInt(random.nextBoolean() ? 10 : 1000));
        } else if (kind == 7) {
            b.append(random.nextBoolean() ? "True" : "False");
        } else {
            b.append(pick(FLOATS));
        }
        b.append("</T>\n");
    }

    private void variant(int depth, String name, int budget) {
        boolean disabled = random.nextInt(4) == 0;
        String type = disabled ? "disabled" : random.nextBoolean() ? "enabled" : pick(ATTRIBUTES);
        indent(depth).append("<V");
        if (name != null) {
            xml.append(" n=\"").append(name).append('"');
        }
        xml.append(" t=\"").append(type).append('"');
        if (disabled) {
            xml.append(" />\n");
            return;
        }
        xml.append(">\n");
        tunable(depth + 1, type, budget - 1);
        indent(depth).append("</V>\n");
    }

    /** A list whose items share one shape, as real lists of tests, loots and tuples do. */
    private void list(int depth, String name, int budget) {
        open(depth, "L", name, null).append('\n');
        int items = 1 + random.nextInt(6);
        int shape = random.nextInt(3);
        String[] fields = fields(1 + random.nextInt(4));
        for (int i = 0; i < items; i++) {
            if (shape == 0) {
                value(depth + 1, null);
            } else if (shape == 1) {
                open(depth + 1, "E", null, null).append(pick(ENUMS)).append("</E>\n");
            } else {
                indent(depth + 1).append("<U>\n");
                for (String field : fields) {
                    tunable(depth + 2, field, budget - 2);
                }
                indent(depth + 1).append("</U>\n");
            }
        }
        indent(depth).append("</L>\n");
    }

    private void tuple(int depth, String name, int budget) {
        open(depth, "U", name, null).append('\n');
        for (String field : fields(1 + random.nextInt(5))) {
            tunable(depth + 1, field, budget - 1);
        }
        indent(depth).append("</U>\n");
    }

    private void comment(int depth) {
        indent(depth).append("<!--").append(pick(WORDS)).append(' ').append(pick(WORDS)).append(' ')
                .append(pick(WORDS)).append("-->\n");
    }

    /** Indents and writes {@code <tag n="name" p="path">} (attributes only when given). */
    private StringBuilder open(int depth, String tag, String name, String path) {
        indent(depth).append('<').append(tag);
        if (name != null) {
            xml.append(" n=\"").append(name).append('"');
        }
        if (path != null) {
            xml.append(" p=\"").append(path).append('"');
        }
        return xml.append('>');
    }

    private StringBuilder indent(int depth) {
        for (int i = 0; i < depth; i++) {
            xml.append(indentUnit);
        }
        return xml;
    }

    private String[] fields(int count) {
        String[] fields = new String[count];
        for (int i = 0; i < count; i++) {
            fields[i] = pick(ATTRIBUTES);
        }
        return fields;
    }

    /** A tuning id: EA's own are 4–6 digits, custom content's are 64-bit FNV hashes with bit 63 set. */
    private String tuningId() {
        if (random.nextInt(3) == 0) {
            return Long.toString(1000 + random.nextInt(300_000));
        }
        return Long.toUnsignedString(random.nextLong() | Long.MIN_VALUE);
    }

    private String reference() {
        String id = tuningId();
        return random.nextInt(5) == 0 ? id : id + "<!--" + name() + "-->";
    }

    private String name() {
        StringBuilder b = new StringBuilder(pick(CREATORS));
        int parts = 1 + random.nextInt(3);
        for (int i = 0; i < parts; i++) {
            b.append(random.nextBoolean() ? '_' : ':').append(pick(WORDS));
        }
        return b.toString();
    }

    private <T> T pick(T[] options) {
        return options[random.nextInt(options.length)];
    }
}
