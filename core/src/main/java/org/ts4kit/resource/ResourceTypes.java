package org.ts4kit.resource;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Names of resource type ids, and which of them hold tuning XML.
 *
 * <p>The list is deliberately short of "everything": an id is here only when two independent
 * public sources agree on it (Sims 4 Toolkit's {@code BinaryResourceType}/{@code TuningResourceType}
 * enums and Llama Logic's {@code ResourceType} enum) or when the samples in
 * {@code shared/real-sample} show it. A wrong name is worse than no name: users grep for them.
 *
 * <p>Notes on the less obvious ones:
 * <ul>
 *   <li>{@code 0x62E94D38} is <em>combined</em> tuning: the game's one-resource-per-pack bundle
 *       of all tuning (XML in some builds, binary {@code DATA} in others). It is not object
 *       tuning; object tuning is {@code 0xB61DE6B4}.</li>
 *   <li>{@code 0x03B33DDF} is generic tuning, where module tuning ({@code <M>} roots) lives.</li>
 *   <li>{@code 0x0333406C} is the generic XML type. Mods use it for tuning-like XML, but it
 *       also holds other text; {@link #isTuning} says "may hold tuning" and {@link TuningHeader}
 *       decides.</li>
 *   <li>{@code 0x02D5DF13} (animation state machine) is XML with an {@code <ASM>} root, not
 *       tuning, so {@link #isTuning} is false for it.</li>
 * </ul>
 */
public final class ResourceTypes {
    public static final int STRING_TABLE = 0x220557DA;
    public static final int NAME_MAP = 0x0166038C;
    public static final int SIM_DATA = 0x545AC67A;
    public static final int CAS_PART = 0x034AEECB;
    public static final int DST_IMAGE = 0x00B2D882;
    public static final int RLE2_IMAGE = 0x3453CF95;
    public static final int RLES_IMAGE = 0xBA856C78;
    public static final int PNG_IMAGE = 0x2F7D0004;
    public static final int OBJECT_DEFINITION = 0xC0DB5AE7;
    public static final int OBJECT_CATALOG = 0x319E4F1D;
    public static final int XML = 0x0333406C;
    public static final int TUNING = 0x03B33DDF;
    public static final int COMBINED_TUNING = 0x62E94D38;
    public static final int OBJECT_TUNING = 0xB61DE6B4;

    // Sorted by id (signed order, for Arrays.binarySearch); parallel arrays so that the lookup
    // done once per index entry by `inspect` costs no boxing.
    private static final int[] IDS;
    private static final String[] NAMES;
    private static final boolean[] TUNING_FLAGS;
    private static final Map<Integer, String> KNOWN;

    static {
        Object[][] rows = {
            // binary and other non-tuning resources
            {DST_IMAGE, "DSTImage", false},
            {NAME_MAP, "NameMap", false},
            {0x01661233, "Model", false},
            {0x01D10F34, "ModelLOD", false},
            {0x015A1849, "Geometry", false},
            {0x025ED6F4, "SimInfo", false},
            {0x02D5DF13, "AnimationStateMachine", false},
            {CAS_PART, "CASPart", false},
            {0x0354796A, "Skintone", false},
            {0x03B4C61D, "Light", false},
            {STRING_TABLE, "StringTable", false},
            {0x25796DCA, "OpenTypeFont", false},
            {0x276CA4B9, "TrueTypeFont", false},
            {0x2A8A5E22, "TrayItem", false},
            {PNG_IMAGE, "PNGImage", false},
            {OBJECT_CATALOG, "ObjectCatalog", false},
            {RLE2_IMAGE, "RLE2Image", false},
            {0x3C1AF1F2, "CASPartThumbnail", false},
            {SIM_DATA, "SimData", false},
            {0x6B20C4F3, "Clip", false},
            {0x8EAF13DE, "Rig", false},
            {0xAC16FBEC, "RegionMap", false},
            {RLES_IMAGE, "RLESImage", false},
            {OBJECT_DEFINITION, "ObjectDefinition", false},
            {0xD3044521, "Slot", false},
            {0xD382BF57, "Footprint", false},
            {0xD65DAFF9, "RegionDescription", false},
            {0xEAA32ADD, "CASPreset", false},
            {0xFF56010C, "ObjectCatalogSet", false},
            // XML that may be tuning
            {XML, "Xml", true},
            {TUNING, "Tuning", true},
            {COMBINED_TUNING, "CombinedTuning", true},
            // instance tuning: <I c="…" i="…" m="…" n="…" s="…">
            {0x2451C101, "AchievementCategoryTuning", true},
            {0x04D2B465, "AchievementCollectionTuning", true},
            {0x78559E9E, "AchievementTuning", true},
            {0x0C772E27, "ActionTuning", true},
            {0xEE17C6AD, "AnimationTuning", true},
            {0xE350DBD8, "AspirationCategoryTuning", true},
            {0xC020FCAD, "AspirationTrackTuning", true},
            {0x28B64675, "AspirationTuning", true},
            {0xAFADAC48, "AwayActionTuning", true},
            {0xEC6A8FC6, "BalloonTuning", true},
            {0x341D3F25, "BreedTuning", true},
            {0xDEBAFB73, "BroadcasterTuning", true},
            {0xEC3DA10E, "BucksPerkTuning", true},
            {0x6017E896, "BuffTuning", true},
            {0x75D807F3, "BusinessTuning", true},
            {0x0CBA50F4, "CASMenuItemTuning", true},
            {0x935A83C2, "CASMenuTuning", true},
            {0xCE04FC4B, "CASPreferenceCategoryTuning", true},
            {0xEC68FD22, "CASPreferenceItemTuning", true},
            {0x80F12D17, "CASStoriesAnswerTuning", true},
            {0x03246B9D, "CASStoriesQuestionTuning", true},
            {0x8DAD1549, "CASStoriesTraitChooserTuning", true},
            {0xF537B2E0, "CallToActionTuning", true},
            {0x94420322, "CareerEventTuning", true},
            {0xCCDB0EDD, "CareerGigTuning", true},
            {0x2C70ADF8, "CareerLevelTuning", true},
            {0x48C75CE3, "CareerTrackTuning", true},
            {0x73996BEB, "CareerTuning", true},
            {0xFA0FFA34, "ClubInteractionGroupTuning", true},
            {0x2F59B437, "ClubSeedTuning", true},
            {0x9183DC91, "ConditionalLayerTuning", true},
            {0x537449F6, "DetectiveClueTuning", true},
            {0x2553F435, "DramaNodeTuning", true},
            {0xB9881120, "EnsembleTuning", true},
            {0xE1477E18, "GameRulesetTuning", true},
            {0xF401205D, "HeadlineTuning", true},
            {0x0E316F6D, "HolidayDefinitionTuning", true},
            {0x3FCD2486, "HolidayTraditionTuning", true},
            {0x3972E6F3, "HouseholdMilestoneTuning", true},
            {0xE882D22F, "InteractionTuning", true},
            {0xDE1EF8FB, "LotDecorationPresetTuning", true},
            {0xFE2DB1AB, "LotDecorationTuning", true},
            {0xD8800D66, "LotTuning", true},
            {0xBA7B60B8, "MoodTuning", true},
            {0x3E753C39, "NarrativeTuning", true},
            {0x9902FA76, "NotebookEntryTuning", true},
            {0x7147A350, "ObjectPartTuning", true},
            {0x5B02819E, "ObjectStateTuning", true},
            {OBJECT_TUNING, "ObjectTuning", true},
            {0x0069453E, "ObjectiveTuning", true},
            {0x4B6FDEC4, "OpenStreetDirectorTuning", true},
            {0x03E9D964, "PieMenuCategoryTuning", true},
            {0xAD6FDF1F, "PostureTuning", true},
            {0xB16AD2FA, "RabbitHoleTuning", true},
            {0xEB97F823, "RecipeTuning", true},
            {0x51E7A18D, "RegionTuning", true},
            {0x0904DF10, "RelationshipBitTuning", true},
            {0xAE34E673, "RelationshipLockTuning", true},
            {0x6FA49828, "RewardTuning", true},
            {0x0E4D15FB, "RoleStateTuning", true},
            {0x37EF2EE7, "RoyaltyTuning", true},
            {0xC98DD45E, "SeasonTuning", true},
            {0x9CC21262, "ServiceNPCTuning", true},
            {0xC3FBD8DE, "SicknessTuning", true},
            {0x6E0DDA9F, "SimFilterTuning", true},
            {0xE2581892, "SimInfoFixupTuning", true},
            {0x0CA4C78B, "SimTemplateTuning", true},
            {0x9DF2F1F2, "SituationGoalSetTuning", true},
            {0x598F28E7, "SituationGoalTuning", true},
            {0x9C07855F, "SituationJobTuning", true},
            {0xFBC3AEEB, "SituationTuning", true},
            {0x3F163505, "SlotTypeSetTuning", true},
            {0x69A5DAA4, "SlotTypeTuning", true},
            {0x7DF2169C, "SnippetTuning", true},
            {0x2E47A104, "SocialGroupTuning", true},
            {0x1F3413D9, "SpellTuning", true},
            {0x51077643, "StaticCommodityTuning", true},
            {0x339BC5BD, "StatisticTuning", true},
            {0x6224C9D6, "StrategyTuning", true},
            {0xB7FF8F95, "SubrootTuning", true},
            {0x49395302, "TagSetTuning", true},
            {0x48C2D5ED, "TemplateChooserTuning", true},
            {0x4F739CEE, "TestBasedScoreTuning", true},
            {0x738E6C56, "TopicTuning", true},
            {0xCB5FDDC7, "TraitTuning", true},
            {0x8FB3E0B1, "TutorialTipTuning", true},
            {0xE04A24A3, "TutorialTuning", true},
            {0x291CAFBE, "UniversityCourseDataTuning", true},
            {0x2758B34B, "UniversityMajorTuning", true},
            {0xD958D5B1, "UniversityTuning", true},
            {0xB8BF1A63, "UserInterfaceInfoTuning", true},
            {0xE6BBD7DE, "VenueTuning", true},
            {0x3FD6243E, "WalkByTuning", true},
            {0x5806F5BA, "WeatherEventTuning", true},
            {0x497F3271, "WeatherForecastTuning", true},
            {0xF958A092, "ZoneDirectorTuning", true},
            {0x3C1D8799, "ZoneModifierTuning", true},
        };
        Arrays.sort(rows, Comparator.comparingInt(r -> (Integer) r[0]));
        IDS = new int[rows.length];
        NAMES = new String[rows.length];
        TUNING_FLAGS = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) {
            IDS[i] = (Integer) rows[i][0];
            NAMES[i] = (String) rows[i][1];
            TUNING_FLAGS[i] = (Boolean) rows[i][2];
            if (i > 0 && IDS[i] == IDS[i - 1]) {
                throw new ExceptionInInitializerError("type listed twice: " + NAMES[i - 1] + " and " + NAMES[i]);
            }
        }
        // The map is for display (`inspect`, help text): ordered as ids print, unsigned.
        Integer[] order = new Integer[rows.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Integer.compareUnsigned(IDS[a], IDS[b]));
        Map<Integer, String> known = new LinkedHashMap<>();
        for (int i : order) {
            known.put(IDS[i], NAMES[i]);
        }
        KNOWN = Collections.unmodifiableMap(known);
    }

    private ResourceTypes() {
    }

    /** The name of {@code type}, or null when it is not one of the known types. */
    public static String name(int type) {
        int i = Arrays.binarySearch(IDS, type);
        return i >= 0 ? NAMES[i] : null;
    }

    /** The name, or the id as {@code 0xTTTTTTTT} when unknown: for printing. */
    public static String nameOrHex(int type) {
        String n = name(type);
        return n != null ? n : String.format(Locale.ROOT, "0x%08X", type);
    }

    /**
     * True for types whose resources may hold tuning XML. "May": generic XML and combined
     * tuning also hold other things; {@link TuningHeader#sniff} tells for one resource.
     */
    public static boolean isTuning(int type) {
        int i = Arrays.binarySearch(IDS, type);
        return i >= 0 && TUNING_FLAGS[i];
    }

    /** The type whose name is {@code name} (case-insensitive), if any. */
    public static OptionalInt byName(String name) {
        for (int i = 0; i < NAMES.length; i++) {
            if (NAMES[i].equalsIgnoreCase(name)) {
                return OptionalInt.of(IDS[i]);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * A type as people write it: 1 to 8 hex digits (an optional {@code 0x}) or a known name in any
     * letter case ({@code StringTable}); what {@code --type} options take.
     *
     * @throws IllegalArgumentException for anything else, saying what was expected
     */
    public static int parse(String text) {
        String s = text.trim();
        OptionalInt named = byName(s);
        if (named.isPresent()) {
            return named.getAsInt();
        }
        String digits = s.toLowerCase(java.util.Locale.ROOT).startsWith("0x") ? s.substring(2) : s;
        if (!digits.isEmpty() && digits.length() <= 8) {
            try {
                return (int) Long.parseLong(digits, 16);
            } catch (NumberFormatException e) {
                // fall through to the explanation
            }
        }
        throw new IllegalArgumentException("'" + text + "' is neither 1 to 8 hex digits nor a known type name");
    }

    /** Every known type and its name, in unsigned id order; unmodifiable. */
    public static Map<Integer, String> known() {
        return KNOWN;
    }
}
