package org.ts4kit.scan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Makes a list of input names unique, in order: the first of equal names keeps it, each later one
 * gets {@code #N}, the smallest N from 2 up that no other name in the list has, so
 * {@code [x.package, x.package, x.package]} becomes {@code [x.package, x.package#2, x.package#3]}.
 * Conflicts are found between names; two inputs under one name would be one package to them.
 */
final class UniqueNames {
    /** Between a name and its number: not part of a {@code .package} or {@code .zip} name, which ends in the extension. */
    static final char MARK = '#';

    private UniqueNames() {
    }

    static List<String> of(List<String> names) {
        Set<String> given = new HashSet<>(names);
        Set<String> used = new HashSet<>();
        Map<String, Integer> next = new HashMap<>(); // per name, the first number not yet tried
        List<String> out = new ArrayList<>(names.size());
        for (String name : names) {
            String unique = name;
            if (!used.add(unique)) {
                int n = next.getOrDefault(name, 2);
                do {
                    unique = name + MARK + n++;
                } while (given.contains(unique) || !used.add(unique));
                next.put(name, n);
            }
            out.add(unique);
        }
        return out;
    }
}
