package org.ts4kit.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.ts4kit.search.PackageDocs;

/**
 * A mod collection's search documents at any size, shaped like the demo corpus and the real samples:
 * packages of 10 to 90 resources under creator folders; two in five resources tuning with a
 * {@code creator:kind_Word_Word} name, one in five an image named by a name map half the time, one in
 * twenty a string table of 20 to 200 strings whose words follow a Zipf law over 20,000 words (what makes
 * text postings long-tailed), the rest unnamed binaries. Deterministic by seed.
 */
final class SyntheticDocs {
    static final int[] TUNING_TYPES = {0x6017E896, 0x0333406C, 0xCB5FDDC7, 0xE882D22F, 0x62E94D38};
    static final int[] OTHER_TYPES = {0x545AC67A, 0x034AEECB, 0xC0DB5AE7, 0x319E4F1D, 0x01661233, 0x015A1849};
    static final int[] IMAGE_TYPES = {0x00B2D882, 0x3453CF95, 0x2F7D0004};
    static final int STRING_TABLE = 0x220557DA;
    private static final String[] CREATORS = {"Deaderpool", "LittleMsSam", "Kawaiistacie", "MizoreYukii", "Weerbesu",
        "RoBurky", "Scarlet", "Triplis", "PandaSama", "Lumpinou", "SimRealist", "BasementalCC", "Zerbu", "TwistedMexi"};
    private static final String[] KINDS = {"buff", "trait", "interaction", "loot", "object", "recipe", "career", "aspiration"};
    private static final int VOCABULARY = 20_000;

    private SyntheticDocs() {
    }

    /** Packages holding about {@code resources} resources in total. */
    static List<PackageDocs> collection(int resources, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<PackageDocs> out = new ArrayList<>();
        int made = 0;
        for (int p = 0; made < resources; p++) {
            String creator = CREATORS[rnd.nextInt(CREATORS.length)];
            PackageDocs.Builder b = new PackageDocs.Builder("Mods/" + creator + "/" + creator + "_Mod" + p + ".package");
            int n = Math.min(resources - made, 10 + rnd.nextInt(81));
            for (int i = 0; i < n; i++) {
                long instance = rnd.nextLong();
                int kind = rnd.nextInt(20);
                if (kind < 8) {
                    String name = creator.toLowerCase() + ":" + KINDS[rnd.nextInt(KINDS.length)] + "_" + word(rnd) + "_" + word(rnd);
                    b.add(TUNING_TYPES[rnd.nextInt(TUNING_TYPES.length)], 0, instance, name, null);
                } else if (kind < 12) {
                    String name = rnd.nextBoolean() ? creator + " " + word(rnd) + " icon" : null;
                    b.add(IMAGE_TYPES[rnd.nextInt(IMAGE_TYPES.length)], 0, instance, name, null);
                } else if (kind == 12) {
                    String[] text = new String[20 + rnd.nextInt(181) * 6];
                    for (int t = 0; t < text.length; t++) {
                        text[t] = word(rnd);
                    }
                    b.add(STRING_TABLE, 0x80000000, instance, null, text);
                } else {
                    b.add(OTHER_TYPES[rnd.nextInt(OTHER_TYPES.length)], rnd.nextInt(4) == 0 ? 0x80000000 : 0, instance, null, null);
                }
            }
            made += n;
            out.add(b.build());
        }
        return out;
    }

    /** A word of the vocabulary, by a Zipf law (s = 1): "w0" is the most common, like "the". */
    static String word(SplittableRandom rnd) {
        // inverse CDF of a continuous 1/x law over [1, VOCABULARY]: cheap and close enough to Zipf's
        int rank = (int) Math.exp(rnd.nextDouble() * Math.log(VOCABULARY)) - 1;
        return "w" + rank;
    }
}
