// SPDX-License-Identifier: Apache-2.0
package dev.mre.server.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parsed command-line arguments of one subcommand: {@code --name value} options (repeatable),
 * {@code --flag} switches and positional operands. The set of options that take a value is given
 * by the command, so a misspelled option is an error rather than a silently ignored word.
 */
public final class Args {
    private final Map<String, List<String>> options;
    private final Set<String> flags;
    private final List<String> positional;

    private Args(Map<String, List<String>> options, Set<String> flags, List<String> positional) {
        this.options = options;
        this.flags = flags;
        this.positional = positional;
    }

    /**
     * Parses {@code argv}.
     *
     * @param valued  option names (without "--") that take a value
     * @param switches option names that take no value
     */
    public static Args parse(String[] argv, Set<String> valued, Set<String> switches) throws UsageException {
        Map<String, List<String>> options = new LinkedHashMap<>();
        Set<String> flags = new java.util.LinkedHashSet<>();
        List<String> positional = new ArrayList<>();
        boolean endOfOptions = false;
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            if (!endOfOptions && a.equals("--")) {
                endOfOptions = true;
            } else if (!endOfOptions && a.startsWith("--")) {
                String name = a.substring(2);
                String inline = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    inline = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (valued.contains(name)) {
                    String value = inline;
                    if (value == null) {
                        if (i + 1 >= argv.length) {
                            throw new UsageException("option --" + name + " needs a value");
                        }
                        value = argv[++i];
                    }
                    options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
                } else if (switches.contains(name) && inline == null) {
                    flags.add(name);
                } else {
                    throw new UsageException("unknown option --" + name);
                }
            } else {
                positional.add(a);
            }
        }
        return new Args(options, flags, positional);
    }

    public boolean has(String flag) {
        return flags.contains(flag) || options.containsKey(flag);
    }

    /** The last value given for an option, or {@code null}. */
    public String get(String option) {
        List<String> v = options.get(option);
        return v == null ? null : v.get(v.size() - 1);
    }

    public String get(String option, String defaultValue) {
        String v = get(option);
        return v == null ? defaultValue : v;
    }

    /** All values of a repeatable option, in order. */
    public List<String> all(String option) {
        return Collections.unmodifiableList(options.getOrDefault(option, List.of()));
    }

    public int getInt(String option, int defaultValue) throws UsageException {
        String v = get(option);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageException("option --" + option + " needs a whole number, got '" + v + "'");
        }
    }

    public List<String> positional() {
        return Collections.unmodifiableList(positional);
    }
}
